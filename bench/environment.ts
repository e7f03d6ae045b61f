import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { bundleWorker } from "../scripts/local/bundle.ts";
import { startMiniflareWorker } from "../scripts/local/miniflare-worker.ts";
import { applyMigrations } from "../scripts/local/migrate.ts";
import { startEmbeddedPostgres } from "../scripts/local/pglite-server.ts";
import { findPostgresBinaries, startCluster } from "../scripts/local/postgres-cluster.ts";
import { countedTcpUrl, databaseKey, registerExclusiveTarget, startRelay } from "../scripts/local/relay.ts";
import { seedDemo } from "../scripts/local/seed-demo.ts";
import { defaultDriver, type LocalDriver } from "../scripts/local/drivers.ts";

export interface BenchEnvironment {
  backend: "postgres" | "pglite";
  driver: LocalDriver;
  baseUrl: string;
  databaseUrl: string;
  databaseName: string;
  relayAddress: string;
  apiToken: string;
  workspaceId: string;
  demoEmail: string;
  demoPassword: string;
  stop(): Promise<void>;
}

/**
 * Everything a scenario needs, started from nothing and stopped at the end: database, relay, Worker, demo
 * data. With the `pg` driver the Worker gets a Hyperdrive binding through the relay's pooled TCP pass-through
 * (warm server connections, as Hyperdrive keeps them; it also records the statements to replay).
 */
export async function startBenchEnvironment(wanted: string | undefined, driver: LocalDriver = defaultDriver): Promise<BenchEnvironment> {
  const backend = wanted === "pglite" || (!wanted && !findPostgresBinaries()) ? "pglite" : "postgres";
  const stops: Array<() => Promise<void>> = [];
  const tmp = await mkdtemp(path.join(os.tmpdir(), "crm-edge-bench-"));
  stops.push(() => rm(tmp, { recursive: true, force: true }));
  try {
    const database = backend === "postgres" ? await startCluster() : await startEmbeddedPostgres();
    stops.push(() => database.stop());
    await applyMigrations(database.url);
    const relay = await startRelay();
    stops.push(() => relay.close());
    if (backend === "pglite") await registerExclusiveTarget(relay.address, database.url);
    const appSecret = "bench-app-secret-0123456789abcdef0123";
    const demo = await seedDemo(database.url, appSecret);
    const bundleDir = await bundleWorker(path.join(tmp, "bundle"));
    const { mf, url } = await startMiniflareWorker(bundleDir, {
      APP_SECRET: appSecret,
      DATABASE_URL: database.url,
      NEON_LOCAL_RELAY: relay.address,
      ENVIRONMENT: "production",
      LOG_LEVEL: "warn",
      // The benchmark measures the server, not the published per-caller limits.
      RATE_LIMIT_REST: "100000000",
      RATE_LIMIT_GRAPHQL: "100000000",
      RATE_LIMIT_METADATA: "100000000",
    }, { hyperdrive: driver === "pg" ? await countedTcpUrl(relay.address, database.url, true) : undefined });
    stops.push(() => mf.dispose());
    return {
      backend,
      driver,
      baseUrl: url.href.replace(/\/$/, ""),
      databaseUrl: database.url,
      databaseName: databaseKey(database.url),
      relayAddress: relay.address,
      apiToken: demo.apiToken,
      workspaceId: demo.workspaceId,
      demoEmail: demo.email,
      demoPassword: demo.password,
      async stop() {
        for (const stop of stops.reverse()) await stop().catch(() => {});
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw error;
  }
}

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { bundleWorker } from "../scripts/local/bundle.ts";
import { applyMigrations } from "../scripts/local/migrate.ts";
import { startEmbeddedPostgres } from "../scripts/local/pglite-server.ts";
import { startCluster } from "../scripts/local/postgres-cluster.ts";
import { startRelay } from "../scripts/local/relay.ts";
import { chooseBackend, chooseDriver, type HarnessInfo } from "./harness/backend.ts";

export const templateDatabase = "crm_template";

/**
 * Once per `npm test`: a database (a throwaway PostgreSQL cluster, or PGlite), migrated once as a template
 * every test file clones; the local relay (Neon's protocols and a counting TCP pass-through for `pg`); the
 * Worker bundled exactly as `npm run build` bundles it.
 */
export default async function setup(project: TestProject) {
  const backend = chooseBackend();
  const tmp = await mkdtemp(path.join(os.tmpdir(), "crm-edge-test-"));
  const cleanups: Array<() => Promise<void>> = [() => rm(tmp, { recursive: true, force: true })];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    const bundleDir = path.join(tmp, "bundle");
    const bundling = bundleWorker(bundleDir);
    const info: HarnessInfo = {
      backend,
      driver: chooseDriver(),
      relayAddress: "",
      bundleDir,
      appSecret: "test-app-secret-0123456789abcdef0123456789",
    };
    if (backend === "postgres") {
      const cluster = await startCluster();
      cleanups.push(() => cluster.stop());
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${templateDatabase}`);
      await admin.end();
      await applyMigrations(cluster.url.replace(/\/postgres$/, `/${templateDatabase}`));
      info.clusterUrl = cluster.url;
      info.templateDatabase = templateDatabase;
    } else {
      const embedded = await startEmbeddedPostgres();
      await applyMigrations(embedded.url);
      const snapshot = await embedded.db.dumpDataDir("none");
      await embedded.stop();
      info.pgliteSnapshot = path.join(tmp, "pglite.tar");
      await writeFile(info.pgliteSnapshot, Buffer.from(await snapshot.arrayBuffer()));
    }
    const relay = await startRelay();
    cleanups.push(() => relay.close());
    info.relayAddress = relay.address;
    await bundling;
    project.provide("harness", info);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

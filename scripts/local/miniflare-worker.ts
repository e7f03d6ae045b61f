import path from "node:path";
import { Miniflare, convertV4MiniflareOptions } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";

const root = path.resolve(import.meta.dirname, "../..");

export interface WorkerOptions {
  /** Listens on loopback; 0 (the default) picks a free port. */
  port?: number;
  /** A `HYPERDRIVE` binding to this local connection string, which makes the Worker use `pg` (src/db/database.ts). */
  hyperdrive?: string;
}

/**
 * The bundled Worker in workerd with the Durable Objects, R2 bucket and cron of wrangler.toml, its vars
 * overridden by `bindings` (undefined removes one).
 */
export async function startMiniflareWorker(bundleDir: string, bindings: Record<string, string | undefined>, options: WorkerOptions = {}) {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(path.join(root, "wrangler.toml"));
  const vars: Record<string, string> = { ...(workerOptions.bindings as Record<string, string>) };
  for (const [key, value] of Object.entries(bindings)) {
    if (value === undefined) delete vars[key];
    else vars[key] = value;
  }
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      name: "crm-edge",
      modules: true,
      scriptPath: path.join(bundleDir, "index.js"),
      modulesRoot: bundleDir,
      compatibilityDate: workerOptions.compatibilityDate,
      compatibilityFlags: workerOptions.compatibilityFlags,
      cronTriggers: workerOptions.cronTriggers,
      r2Buckets: workerOptions.r2Buckets,
      durableObjects: workerOptions.durableObjects,
      bindings: vars,
      ...(options.hyperdrive ? { hyperdrives: { HYPERDRIVE: options.hyperdrive } } : {}),
      host: "127.0.0.1",
      port: options.port ?? 0,
    } as Parameters<typeof convertV4MiniflareOptions>[0]),
  );
  const url = await mf.ready;
  return { mf, url };
}

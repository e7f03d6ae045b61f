import path from "node:path";
import { Miniflare, convertV4MiniflareOptions } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * The bundled Worker in workerd with the Durable Objects, R2 bucket and cron of wrangler.toml, its vars
 * overridden by `bindings` (undefined removes one). Listens on loopback; `port` 0 picks a free one.
 */
export async function startMiniflareWorker(bundleDir: string, bindings: Record<string, string | undefined>, port = 0) {
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
      host: "127.0.0.1",
      port,
    } as Parameters<typeof convertV4MiniflareOptions>[0]),
  );
  const url = await mf.ready;
  return { mf, url };
}

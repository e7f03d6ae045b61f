import path from "node:path";
import { Miniflare, convertV4MiniflareOptions } from "miniflare";
import { inject } from "vitest";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

export interface JsonResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestWorker {
  url: URL;
  db: TestDatabase;
  mf: Miniflare;
  appSecret: string;
  /** A real HTTP request to the Worker running in workerd. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Same, with a JSON body in and the parsed body out. */
  json<T = any>(path: string, init?: Omit<RequestInit, "body"> & { body?: unknown; token?: string }): Promise<JsonResponse<T>>;
  /** Statements the relay has seen for this file's database so far. */
  statementCount(): Promise<number>;
  close(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../..");

/**
 * The Worker bundle in workerd (Miniflare), bound to a database of this test file's own, with the
 * Durable Objects, R2 bucket and cron of wrangler.toml. `bindings` overrides vars, e.g. to break the env.
 */
export async function startTestWorker(bindings: Record<string, string | undefined> = {}): Promise<TestWorker> {
  const harness = inject("harness");
  const db = await createTestDatabase(harness);
  const { workerOptions } = unstable_getMiniflareWorkerOptions(path.join(root, "wrangler.toml"));
  const vars: Record<string, string> = {
    ...(workerOptions.bindings as Record<string, string>),
    APP_SECRET: harness.appSecret,
    DATABASE_URL: db.url,
    NEON_LOCAL_RELAY: harness.relayAddress,
    ENVIRONMENT: "test",
    LOG_LEVEL: "warn",
  };
  for (const [key, value] of Object.entries(bindings)) {
    if (value === undefined) delete vars[key];
    else vars[key] = value;
  }
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      name: "crm-edge",
      modules: true,
      scriptPath: path.join(harness.bundleDir, "index.js"),
      modulesRoot: harness.bundleDir,
      compatibilityDate: workerOptions.compatibilityDate,
      compatibilityFlags: workerOptions.compatibilityFlags,
      cronTriggers: workerOptions.cronTriggers,
      r2Buckets: workerOptions.r2Buckets,
      durableObjects: workerOptions.durableObjects,
      bindings: vars,
      host: "127.0.0.1",
      port: 0,
    } as Parameters<typeof convertV4MiniflareOptions>[0]),
  );
  const url = await mf.ready;
  const request = (p: string, init?: RequestInit) => fetch(new URL(p, url), init);
  return {
    url,
    db,
    mf,
    appSecret: harness.appSecret,
    fetch: request,
    async json(p, init = {}) {
      const { body, token, headers, ...rest } = init;
      const h = new Headers(headers);
      if (body !== undefined && !h.has("content-type")) h.set("content-type", "application/json");
      if (token) h.set("authorization", `Bearer ${token}`);
      const res = await request(p, { ...rest, headers: h, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // Left as text: the assertion on it will say what came back.
      }
      return { status: res.status, headers: res.headers, body: parsed as any };
    },
    async statementCount() {
      const res = await fetch(`http://${harness.relayAddress}/stats?database=${db.name}`);
      return ((await res.json()) as { statements: number }).statements;
    },
    async close() {
      await mf.dispose();
      await db.drop();
    },
  };
}

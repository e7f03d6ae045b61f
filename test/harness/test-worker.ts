import type { Miniflare } from "miniflare";
import { inject } from "vitest";
import { startMiniflareWorker } from "../../scripts/local/miniflare-worker.ts";
import { countedTcpUrl } from "../../scripts/local/relay.ts";
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

/**
 * The Worker bundle in workerd (Miniflare), bound to a database of this test file's own, with the
 * Durable Objects, R2 bucket and cron of wrangler.toml. `bindings` overrides vars, e.g. to break the env.
 * With the `pg` driver the Worker gets a Hyperdrive binding to the same database (or to an overriding
 * postgres:// DATABASE_URL) through the relay's pooled pass-through, which counts its statements as it does Neon's.
 */
export async function startTestWorker(bindings: Record<string, string | undefined> = {}): Promise<TestWorker> {
  const harness = inject("harness");
  const db = await createTestDatabase(harness);
  const target = bindings.DATABASE_URL?.startsWith("postgres://") ? bindings.DATABASE_URL : db.url;
  const hyperdrive = harness.driver === "pg" ? await countedTcpUrl(harness.relayAddress, target, true) : undefined;
  const { mf, url } = await startMiniflareWorker(harness.bundleDir, {
    APP_SECRET: harness.appSecret,
    DATABASE_URL: db.url,
    NEON_LOCAL_RELAY: harness.relayAddress,
    ENVIRONMENT: "test",
    LOG_LEVEL: "warn",
    // Suites send far more than a person would; the rate-limit test sets real limits itself.
    RATE_LIMIT_REST: "100000",
    RATE_LIMIT_GRAPHQL: "100000",
    RATE_LIMIT_METADATA: "100000",
    ...bindings,
  }, { hyperdrive });
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
      const res = await fetch(`http://${harness.relayAddress}/stats?database=${encodeURIComponent(db.name)}`);
      return ((await res.json()) as { statements: number }).statements;
    },
    async close() {
      await mf.dispose();
      await db.drop();
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "./harness/test-worker.ts";

let worker: TestWorker;
beforeAll(async () => {
  worker = await startTestWorker();
});
afterAll(() => worker?.close());

interface Decision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: number;
}

describe("RateLimiterObject", () => {
  it("allows `limit` hits per window per key, then refuses, and tells when the window resets", async () => {
    const ns = await worker.mf.getDurableObjectNamespace("RATE_LIMITER");
    const stub = ns.get(ns.idFromName("key-a")) as unknown as { consume(l: number, w: number): Promise<Decision> };
    const decisions: Decision[] = [];
    for (let i = 0; i < 4; i++) decisions.push(plain(await stub.consume(3, 60_000)));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    const nowSeconds = Date.now() / 1000;
    expect(decisions[3]!.resetAt).toBeGreaterThan(nowSeconds);
    expect(decisions[3]!.resetAt).toBeLessThanOrEqual(Math.ceil(nowSeconds + 60));

    const other = ns.get(ns.idFromName("key-b")) as unknown as { consume(l: number, w: number): Promise<Decision> };
    expect((await other.consume(3, 60_000)).allowed).toBe(true);
  });

  it("starts a fresh window once the old one is over", async () => {
    const ns = await worker.mf.getDurableObjectNamespace("RATE_LIMITER");
    const stub = ns.get(ns.idFromName("key-short")) as unknown as { consume(l: number, w: number): Promise<Decision> };
    expect((await stub.consume(1, 200)).allowed).toBe(true);
    expect((await stub.consume(1, 200)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 250));
    expect((await stub.consume(1, 200)).allowed).toBe(true);
  });
});

describe("WorkflowRunObject", () => {
  it("keeps a run's state in its own storage", async () => {
    const ns = await worker.mf.getDurableObjectNamespace("WORKFLOW_RUNS");
    type Run = { getState(): Promise<unknown>; putState(s: unknown): Promise<void> };
    const run = ns.get(ns.idFromName("run-1")) as unknown as Run;
    expect(await run.getState()).toBeNull();
    await run.putState({ status: "RUNNING", stepInfos: { trigger: { status: "SUCCESS" } } });
    const again = ns.get(ns.idFromName("run-1")) as unknown as Run;
    expect(plain(await again.getState())).toEqual({ status: "RUNNING", stepInfos: { trigger: { status: "SUCCESS" } } });
  });
});

/** Miniflare hands back proxies of the Durable Object's return values; copy them into plain data. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

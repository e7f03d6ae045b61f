import { afterEach, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "./harness/test-worker.ts";

let worker: TestWorker | undefined;
afterEach(async () => {
  await worker?.close();
  worker = undefined;
});

describe("a misconfigured deploy", () => {
  it("answers 500 BAD_ENVIRONMENT naming the missing secret, on every route", async () => {
    worker = await startTestWorker({ APP_SECRET: undefined });
    for (const path of ["/healthz", "/version", "/anything"]) {
      const res = await worker.json(path);
      expect(res.status).toBe(500);
      expect(res.body.code).toBe("BAD_ENVIRONMENT");
      expect(res.body.error).toBe("InternalServerErrorException");
      expect(res.body.messages[0]).toContain("APP_SECRET");
      expect(res.body.requestId).toEqual(expect.any(String));
    }
  });

  it("names a bad value without echoing it", async () => {
    worker = await startTestWorker({ APP_SECRET: "short-secret", DATABASE_URL: "mysql://user:hunter2@db/x" });
    const res = await worker.json("/healthz");
    expect(res.status).toBe(500);
    expect(res.body.messages[0]).toContain("APP_SECRET must be at least 32 characters");
    expect(res.body.messages[0]).toContain("DATABASE_URL");
    expect(JSON.stringify(res.body)).not.toContain("hunter2");
    expect(JSON.stringify(res.body)).not.toContain("short-secret");
  });

  it("rejects a relay that is not on loopback", async () => {
    worker = await startTestWorker({ NEON_LOCAL_RELAY: "10.0.0.1:4444" });
    const res = await worker.json("/healthz");
    expect(res.status).toBe(500);
    expect(res.body.messages[0]).toContain("NEON_LOCAL_RELAY");
  });

  it("reports an unreachable database as 503 with the error body, not a crash", async () => {
    worker = await startTestWorker({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" });
    const res = await worker.json("/healthz");
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ statusCode: 503, code: "DATABASE_UNAVAILABLE", messages: ["Database unreachable"] });
    expect(JSON.stringify(res.body)).not.toContain("127.0.0.1:1");
  });
});

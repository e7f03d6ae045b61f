import { afterEach, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "./harness/test-worker.ts";
import { twentyToken } from "./harness/twenty-tokens.ts";

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

  it("answers every surface with 503 DATABASE_UNAVAILABLE and Retry-After when the database is gone, never a 500", async () => {
    worker = await startTestWorker({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" });
    const workspaceId = crypto.randomUUID();
    const token = twentyToken(worker.appSecret, workspaceId, "API_KEY", { sub: workspaceId, workspaceId, jti: crypto.randomUUID() });
    const json = { "content-type": "application/json" };
    const requests: Array<[string, RequestInit]> = [
      ["/rest/companies", { headers: { authorization: `Bearer ${token}` } }],
      ["/rest/metadata/objects", { headers: { authorization: `Bearer ${token}` } }],
      ["/auth/login", { method: "POST", headers: json, body: JSON.stringify({ email: "a@example.com", password: "whatever-password" }) }],
      ["/graphql", { method: "POST", headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify({ query: "{ companies { totalCount } }" }) }],
      ["/metadata", { method: "POST", headers: json, body: JSON.stringify({ query: 'mutation { signIn(email: "a@example.com", password: "whatever-password") { tokens { accessOrWorkspaceAgnosticToken { token } } } }' }) }],
    ];
    for (const [path, init] of requests) {
      const res = await worker.fetch(path, init);
      const body = (await res.json()) as any;
      expect(res.status, `${path}: ${JSON.stringify(body)}`).toBe(503);
      expect(res.headers.get("retry-after"), path).toMatch(/^\d+$/);
      if (path === "/metadata") {
        expect(body.errors[0]).toMatchObject({ message: "Database unreachable", extensions: { code: "SERVICE_UNAVAILABLE", subCode: "DATABASE_UNAVAILABLE" } });
        expect(body.errors[0].extensions.http).toBeUndefined();
      } else {
        expect(body).toMatchObject({ statusCode: 503, error: "ServiceUnavailableException", code: "DATABASE_UNAVAILABLE", messages: ["Database unreachable"] });
      }
      expect(JSON.stringify(body)).not.toContain("127.0.0.1");
    }
  });
});

import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "./harness/test-worker.ts";

let worker: TestWorker;
beforeAll(async () => {
  worker = await startTestWorker();
});
afterAll(() => worker?.close());

describe("GET /healthz", () => {
  it("answers ok after asking the database", async () => {
    const res = await worker.json("/healthz");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", checks: { database: { status: "up" } } });
    expect(typeof res.body.checks.database.latencyMs).toBe("number");
  });

  it("runs its check through the database (the relay sees the statement)", async () => {
    const before = await worker.statementCount();
    await worker.json("/healthz");
    expect(await worker.statementCount()).toBe(before + 1);
  });

  it("needs no token, and a bad one does not break it", async () => {
    const res = await worker.fetch("/healthz", { headers: { authorization: "Bearer garbage" } });
    expect(res.status).toBe(200);
  });
});

describe("GET /version", () => {
  it("names the build", async () => {
    const res = await worker.json("/version");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: "crm-edge", version: expect.stringMatching(/^\d+\.\d+\.\d+/), compatibleWith: expect.any(String) });
  });
});

describe("request ids", () => {
  it("generates one when the caller sends none", async () => {
    const res = await worker.fetch("/version");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps the caller's id", async () => {
    const res = await worker.fetch("/version", { headers: { "x-request-id": "trace-42.abc" } });
    expect(res.headers.get("x-request-id")).toBe("trace-42.abc");
  });

  it("replaces an id that could poison logs", async () => {
    const res = await worker.fetch("/version", { headers: { "x-request-id": "a b\"c" } });
    expect(res.headers.get("x-request-id")).not.toBe('a b"c');
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("unknown routes", () => {
  it("answer 404 with the error body, keys in Twenty's order plus code and requestId", async () => {
    const res = await worker.fetch("/no/such/route", { headers: { "x-request-id": "rid-1" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    const text = await res.text();
    expect(Object.keys(JSON.parse(text))).toEqual(["statusCode", "error", "messages", "code", "requestId"]);
    expect(JSON.parse(text)).toEqual({
      statusCode: 404,
      error: "NotFoundException",
      messages: ["Cannot GET /no/such/route"],
      code: "ROUTE_NOT_FOUND",
      requestId: "rid-1",
    });
  });

  it("answer 404 for other methods too", async () => {
    const res = await worker.json("/healthz", { method: "DELETE" });
    expect(res.status).toBe(404);
    expect(res.body.messages).toEqual(["Cannot DELETE /healthz"]);
  });
});

describe("request bodies", () => {
  /**
   * Declares a body of `bytes` and sends only its first byte: the answer must come from the declared size
   * alone. (Sending it all races the early answer: the client may still be writing when the socket closes.)
   */
  function declaring(path: string, bytes: number): Promise<{ status: number | undefined; body: any }> {
    return new Promise((resolve, reject) => {
      const req = request(new URL(path, worker.url), { method: "POST", headers: { "content-type": "application/json", "content-length": String(bytes) } }, (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => {
          req.destroy();
          resolve({ status: res.statusCode, body: JSON.parse(text) });
        });
      });
      req.on("error", reject);
      req.write("{");
    });
  }

  it("over 10 MB are refused with 413 before anything reads them, on every surface", async () => {
    for (const path of ["/graphql", "/metadata", "/rest/companies", "/rest/batch/companies"]) {
      const res = await declaring(path, 10 * 1024 * 1024 + 1);
      expect(res.status, path).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, error: "PayloadTooLargeException", code: "PAYLOAD_TOO_LARGE", messages: ["Request body is larger than 10 MB"] });
    }
  });

  it("up to the limit reach the route (here: a GraphQL request with a large variable)", async () => {
    const res = await worker.fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(1024 * 1024) } }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: "Query" } });
  });
});

describe("CORS", () => {
  it("answers a preflight and exposes the request id and rate-limit headers", async () => {
    const res = await worker.fetch("/healthz", {
      method: "OPTIONS",
      headers: { origin: "https://app.example.com", "access-control-request-method": "GET" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const simple = await worker.fetch("/version", { headers: { origin: "https://app.example.com" } });
    expect(simple.headers.get("access-control-expose-headers")).toContain("x-request-id");
    expect(simple.headers.get("access-control-expose-headers")).toContain("X-RateLimit-Remaining");
  });
});

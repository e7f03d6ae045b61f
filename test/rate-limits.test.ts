import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "./harness/graphql.ts";
import { startTestWorker, type TestWorker } from "./harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "./harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker({ RATE_LIMIT_REST: "5", RATE_LIMIT_METADATA: "1000", RATE_LIMIT_GRAPHQL: "3" });
  ws = await createWorkspace(worker, "limits");
});
afterAll(() => worker?.close());

describe("rate limits per caller and surface", () => {
  it("REST: headers on every response, then 429 with Retry-After; another key has its own budget", async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await worker.fetch("/rest/companies?depth=0", { headers: { authorization: `Bearer ${ws.apiKeyToken}` } });
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get("x-ratelimit-limit")).toBe("5");
        expect(last.headers.get("x-ratelimit-remaining")).toBe("4");
        expect(Number(last.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last!.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await last!.json()).toMatchObject({ statusCode: 429, code: "RATE_LIMITED", messages: ["Limit reached (5 requests per 60000 ms)"] });
    const user = await worker.fetch("/rest/companies?depth=0", { headers: { authorization: `Bearer ${ws.accessToken}` } });
    expect(user.status).toBe(200);
  });

  it("GraphQL has its own budget", async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await gql(worker, `{ currentWorkspace { id } }`, {}, { token: ws.apiKeyToken, endpoint: "/graphql" }));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 429]);
  });
});

describe("login throttling", () => {
  const login = (email: string, password: string, address: string) =>
    worker.json("/auth/login", { method: "POST", body: { email, password }, headers: { "cf-connecting-ip": address } });

  it("counts per email and client address: a stranger's wrong guesses do not lock the user out", async () => {
    const victim = await createWorkspace(worker, "locked");
    let last: Awaited<ReturnType<typeof login>> | undefined;
    for (let i = 0; i < 11; i++) last = await login(victim.email, `wrong-guess-${i}`, "203.0.113.7");
    expect(last!.status).toBe(429);
    expect(last!.body).toMatchObject({ statusCode: 429, code: "TOO_MANY_LOGIN_ATTEMPTS" });
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await login(victim.email, victim.password, "203.0.113.7")).status).toBe(429);
    expect((await login(victim.email, victim.password, "198.51.100.2")).status).toBe(200);
  });

  it("GraphQL sign-in counts the same way", async () => {
    const victim = await createWorkspace(worker, "locked-gql");
    const signIn = async (password: string, address: string) => {
      const res = await worker.json("/metadata", {
        method: "POST",
        headers: { "cf-connecting-ip": address },
        body: { query: `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { tokens { accessOrWorkspaceAgnosticToken { token } } } }`, variables: { e: victim.email, p: password } },
      });
      return res.body as { data?: unknown; errors?: Array<{ extensions?: { code?: string; subCode?: string } }> };
    };
    let last: Awaited<ReturnType<typeof signIn>> | undefined;
    for (let i = 0; i < 11; i++) last = await signIn(`wrong-guess-${i}`, "203.0.113.9");
    expect(JSON.stringify(last!.errors)).toContain("TOO_MANY_LOGIN_ATTEMPTS");
    expect((await signIn(victim.password, "203.0.113.9")).errors).toBeDefined();
    const other = await signIn(victim.password, "198.51.100.3");
    expect(other.errors).toBeUndefined();
    expect(other.data).toBeTruthy();
  });
});

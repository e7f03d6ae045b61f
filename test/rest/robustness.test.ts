import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, type GraphQLResult } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "edges");
});
afterAll(() => worker?.close());

const nulRefusal = { statusCode: 400, error: "BadRequestException", code: "INVALID_TEXT", messages: ["Text values cannot contain the NUL character (\\u0000)"] };
const postgresWording = /invalid input syntax|unsupported Unicode|invalid byte sequence|violates|syntax error at/i;

/** Data, or errors that blame the caller. */
function expectNoServerError(res: GraphQLResult) {
  if (res.errors) expectBadUserInput(res);
  else expect(res.data).toBeDefined();
}

function expectBadUserInput(res: GraphQLResult) {
  expect(res.status).toBe(200);
  expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED|NOT_FOUND|FORBIDDEN)$/);
  expect(JSON.stringify(res.errors)).not.toMatch(postgresWording);
}

describe("a NUL byte anywhere is a 400 before any SQL", () => {
  it("REST login, records (body and filter) and search", async () => {
    const login = await worker.json("/auth/login", { method: "POST", body: { email: "a\u0000@example.com", password: "x" } });
    expect(login.body).toMatchObject(nulRefusal);
    const create = await worker.json("/rest/people", { method: "POST", token: ws.apiKeyToken, body: { name: { firstName: "Ada\u0000" } } });
    expect(create.status).toBe(400);
    expect(create.body).toMatchObject(nulRefusal);
    const key = await worker.json("/rest/people", { method: "POST", token: ws.apiKeyToken, body: { "city\u0000": "x" } });
    expect(key.body).toMatchObject(nulRefusal);
    const filter = await worker.json(`/rest/people?filter=${encodeURIComponent("name.firstName[eq]:a\u0000")}`, { token: ws.apiKeyToken });
    expect(filter.body).toMatchObject(nulRefusal);
    const bracket = await worker.json(`/rest/people?filter[city][eq]=%00`, { token: ws.apiKeyToken });
    expect(bracket.body).toMatchObject(nulRefusal);
  });

  it("even when the body does not say it is JSON", async () => {
    const res = await worker.fetch("/rest/people", {
      method: "POST",
      headers: { authorization: `Bearer ${ws.apiKeyToken}`, "content-type": "text/plain" },
      body: JSON.stringify({ name: { firstName: "x\u0000" } }),
    });
    expect(res.status).toBeLessThan(500);
    expect(await res.json()).toMatchObject({ statusCode: res.status });
  });

  it("GraphQL sign-in, sign-up, invite hash, search and records, in variables and in literals", async () => {
    for (const endpoint of ["/metadata", "/graphql"] as const) {
      const signIn = await gql(worker, `mutation($e: String!) { signIn(email: $e, password: "whatever") { tokens { accessOrWorkspaceAgnosticToken { token } } } }`, { e: "a\u0000@b.c" }, { endpoint });
      expect(signIn.errors?.[0]).toMatchObject({ message: nulRefusal.messages[0], extensions: { code: "BAD_USER_INPUT", subCode: "INVALID_TEXT" } });
      const signUp = await gql(worker, `mutation { signUp(email: "x\\u0000@example.com", password: "long enough password") { tokens { accessOrWorkspaceAgnosticToken { token } } } }`, {}, { endpoint });
      expect(signUp.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "INVALID_TEXT" });
      const hash = await gql(worker, `{ findWorkspaceFromInviteHash(inviteHash: "\\u0000") { id } }`, {}, { endpoint });
      expect(hash.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "INVALID_TEXT" });
    }
    const search = await gql(worker, `query($q: String!) { search(searchInput: $q, limit: 5) { edges { node { recordId } } } }`, { q: "ada\u0000" }, { endpoint: "/graphql", token: ws.apiKeyToken });
    expect(search.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "INVALID_TEXT" });
    const record = await gql(worker, `mutation { createPerson(data: { city: "Paris\\u0000" }) { id } }`, {}, { endpoint: "/graphql", token: ws.apiKeyToken });
    expect(record.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "INVALID_TEXT" });
    const rows = await worker.db.sql.query(`SELECT count(*)::int AS n FROM core."user" WHERE email LIKE 'x%@example.com'`);
    expect(rows.rows[0].n).toBe(0);
  });
});

describe("ids, cursors and values the database would refuse", () => {
  it("a non-UUID id on invitation operations is the caller's error", async () => {
    for (const id of ["not-a-uuid", "", "'; select 1; --", "00000000-0000-0000-0000-00000000000g"]) {
      const resend = await gql(worker, `mutation($id: String!) { resendWorkspaceInvitation(appTokenId: $id) { result { id } } }`, { id }, { token: ws.accessToken });
      expectBadUserInput(resend);
      const remove = await gql(worker, `mutation($id: String!) { deleteWorkspaceInvitation(appTokenId: $id) }`, { id }, { token: ws.accessToken });
      expectBadUserInput(remove);
    }
  });

  const forgedCursors = [
    Buffer.from(JSON.stringify({ id: "not-a-uuid" })).toString("base64"),
    Buffer.from(JSON.stringify({ id: { $gt: 1 } })).toString("base64"),
    Buffer.from(JSON.stringify({ createdAt: "yesterday", id: crypto.randomUUID() })).toString("base64"),
    Buffer.from(JSON.stringify({ employees: "1e400", id: crypto.randomUUID() })).toString("base64"),
    Buffer.from(JSON.stringify([1, 2])).toString("base64"),
    "%%%not-base64",
  ];
  const orders = ["", "&order_by=createdAt", "&order_by=employees[DescNullsLast]"];

  it("a hand-made cursor is refused with a 400 in the error body (or names no row), on REST and GraphQL", async () => {
    for (const cursor of forgedCursors) {
      for (const order of orders) {
        const rest = await worker.json(`/rest/companies?starting_after=${encodeURIComponent(cursor)}${order}`, { token: ws.apiKeyToken });
        expect([200, 400], `${cursor} ${order}: ${JSON.stringify(rest.body)}`).toContain(rest.status);
        if (rest.status === 400) expect(rest.body).toMatchObject({ statusCode: 400, error: "BadRequestException", code: expect.any(String), requestId: expect.any(String) });
      }
      const graphql = await gql(worker, `query($c: String) { companies(after: $c, orderBy: [{ employees: DescNullsLast }]) { edges { node { id } } } }`, { c: cursor }, { endpoint: "/graphql", token: ws.apiKeyToken });
      expectNoServerError(graphql);
    }
  });

  it("a search cursor with ranks no search could have written is INVALID_CURSOR", async () => {
    const id = crypto.randomUUID();
    for (const lastRanks of [{ tsRankCD: 1e308, tsRank: 0 }, { tsRankCD: -1, tsRank: 0 }, { tsRankCD: 0, tsRank: "0" }]) {
      const after = Buffer.from(JSON.stringify({ lastRanks, lastRecordIdsPerObject: { person: id } })).toString("base64");
      const res = await gql(worker, `query($a: String) { search(searchInput: "ada", limit: 5, after: $a) { edges { cursor } } }`, { a: after }, { endpoint: "/graphql", token: ws.apiKeyToken });
      expect(res.errors?.[0]?.extensions, JSON.stringify(lastRanks)).toMatchObject({ code: "BAD_USER_INPUT", subCode: "INVALID_CURSOR" });
    }
  });

  it("a hand-made cursor's answer carries none of Postgres' wording", async () => {
    for (const cursor of forgedCursors) {
      for (const order of orders) {
        const rest = await worker.json(`/rest/companies?starting_after=${encodeURIComponent(cursor)}${order}`, { token: ws.apiKeyToken });
        expect(JSON.stringify(rest.body)).not.toMatch(postgresWording);
      }
    }
  });

  it("an object with odd keys where a scalar or an id belongs is a 400", async () => {
    const bodies = [
      { companyId: { $ne: null } },
      { name: { firstName: { toString: "x" } } },
      { city: { __proto__: { polluted: true } } },
      { id: { "": 1 } },
      { emails: { primaryEmail: ["a@b.c"] } },
    ];
    for (const body of bodies) {
      const res = await worker.json("/rest/people", { method: "POST", token: ws.apiKeyToken, body });
      expect(res.status, `${JSON.stringify(body)}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: expect.any(String), requestId: expect.any(String) });
    }
    const graphql = await gql(worker, `mutation($d: PersonCreateInput!) { createPerson(data: $d) { id } }`, { d: { companyId: { $ne: null } } }, { endpoint: "/graphql", token: ws.apiKeyToken });
    expectBadUserInput(graphql);
  });

  it("an object whose toString is not a function, where an id belongs, is a 400", async () => {
    for (const body of [{ companyId: { toString: "x" } }, { id: [{ toString: "x" }] }]) {
      const res = await worker.json("/rest/people", { method: "POST", token: ws.apiKeyToken, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    // Found by a long fuzz run: the merge's priority index went into its message through String().
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    const merge = await worker.json("/rest/people/merge", { method: "PATCH", token: ws.apiKeyToken, body: { ids, conflictPriorityIndex: { toString: "x" } } });
    expect(merge.status).toBe(400);
    const position = await gql(worker, `mutation($d: CompanyCreateInput!) { createCompany(data: $d) { id } }`, { d: { name: "p", position: { toString: "x" } } }, { endpoint: "/graphql", token: ws.apiKeyToken });
    expect(position.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("GraphQL transport", () => {
  it("text/plain or no content type on a POST is 415 with the error body", async () => {
    for (const endpoint of ["/graphql", "/metadata"]) {
      for (const headers of [{ "content-type": "text/plain" }, { "content-type": "text/plain;charset=UTF-8" }, {}] as Record<string, string>[]) {
        const res = await worker.fetch(endpoint, { method: "POST", headers: { ...headers, authorization: `Bearer ${ws.apiKeyToken}` }, body: JSON.stringify({ query: "{ currentWorkspace { id } }" }) });
        expect(res.status).toBe(415);
        expect(await res.json()).toMatchObject({ statusCode: 415, error: "UnsupportedMediaTypeException", code: "UNSUPPORTED_MEDIA_TYPE", requestId: expect.any(String) });
      }
    }
    const json = await worker.fetch("/metadata", { method: "POST", headers: { "content-type": "application/json; charset=utf-8", authorization: `Bearer ${ws.apiKeyToken}` }, body: JSON.stringify({ query: "{ currentWorkspace { id } }" }) });
    expect(json.status).toBe(200);
  });
});

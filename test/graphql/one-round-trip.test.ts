import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "gqltrip");
  await worker.json("/rest/batch/companies", { method: "POST", token: ws.apiKeyToken, body: [{ name: "Acme" }, { name: "Globex" }] });
});
afterAll(() => worker?.close());

/** A /graphql request's answer and the statements the database saw for it. */
async function counted(query: string, token: string, variables: Record<string, unknown> = {}) {
  const before = await worker.statementCount();
  const res = await gql(worker, query, variables, { token, endpoint: "/graphql" });
  return { res, count: (await worker.statementCount()) - before };
}

async function newKey(name: string): Promise<{ id: string; token: string }> {
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const key = await worker.json("/rest/apiKeys", { method: "POST", token: ws.accessToken, body: { name, expiresAt } });
  const minted = await gql(worker, `mutation($id: UUID!, $e: String!) { generateApiKeyToken(apiKeyId: $id, expiresAt: $e) { token } }`, { id: key.body.id, e: expiresAt }, { token: ws.accessToken });
  return { id: key.body.id, token: minted.data.generateApiKeyToken.token };
}

const list = `{ companies(orderBy: {name: AscNullsFirst}) { totalCount edges { node { name people { totalCount } } } } }`;

describe("GraphQL record queries take one round trip once the isolate knows the caller", () => {
  it("the first query checks the caller on its own, the next ones with the data", async () => {
    const key = await newKey("first");
    expect((await counted(list, key.token)).count).toBe(2);
    const { res, count } = await counted(list, key.token);
    expect(res.data.companies.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(["Acme", "Globex"]);
    expect(count).toBe(1);
  });

  it("two root fields: one statement each, both gated", async () => {
    await counted(list, ws.accessToken);
    const { res, count } = await counted(`{ companies { totalCount } people { totalCount } }`, ws.accessToken);
    expect(res.errors).toBeUndefined();
    expect(res.data.companies.totalCount).toBe(2);
    expect(count).toBe(2);
  });

  it("a refused field under a confirmed caller is refused as before", async () => {
    await counted(list, ws.apiKeyToken);
    const { res } = await counted(`{ companies(filter: {nope: {eq: 1}}) { totalCount } }`, ws.apiKeyToken);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("a mutation of one record field too: the caller check travels with the write", async () => {
    await counted(list, ws.apiKeyToken);
    const { res, count } = await counted(`mutation { createCompany(data: {name: "Initech"}) { name } }`, ws.apiKeyToken);
    expect(res.data.createCompany.name).toBe("Initech");
    expect(count).toBe(1);
  });
});

describe("revocation is immediate", () => {
  it("a revoked key is refused on its very next query, within that query's one statement", async () => {
    const key = await newKey("to revoke");
    await counted(list, key.token);
    await gql(worker, `mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { id } }`, { id: key.id }, { token: ws.accessToken });
    const { res, count } = await counted(list, key.token);
    expect(res.status).toBe(200);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.message).toBe("This API Key is revoked");
    expect(count).toBe(1);
    const mutation = await counted(`mutation { createCompany(data: {name: "Ghost"}) { name } }`, key.token);
    expect(mutation.res.errors?.[0]?.message).toBe("This API Key is revoked");
    expect((await counted(`{ companies(filter: {name: {eq: "Ghost"}}) { totalCount } }`, ws.apiKeyToken)).res.data.companies.totalCount).toBe(0);
  });

  it("a role that loses read access is refused on the next query", async () => {
    const key = await newKey("role change");
    await counted(list, key.token);
    const role = `(SELECT "roleId" FROM core."roleTarget" WHERE "apiKeyId" = $1)`;
    await worker.db.sql.query(`UPDATE core.role SET "canReadAllObjectRecords" = false WHERE id = ${role}`, [key.id]);
    try {
      const { res } = await counted(list, key.token);
      expect(res.data).toEqual({ companies: null });
      expect(res.errors?.[0]?.message).toBe("Entity performing the request does not have permission");
    } finally {
      await worker.db.sql.query(`UPDATE core.role SET "canReadAllObjectRecords" = true WHERE id = ${role}`, [key.id]);
    }
    expect((await counted(list, key.token)).res.data.companies.totalCount).toBeGreaterThanOrEqual(2);
  });
});

describe("metadata changes", () => {
  it("a new field can be queried on the next request", async () => {
    await counted(list, ws.apiKeyToken);
    const objects = await gql(worker, `{ objects(paging: {first: 100}) { edges { node { id nameSingular } } } }`, {}, { token: ws.accessToken });
    const company = objects.data.objects.edges.find((e: { node: { nameSingular: string } }) => e.node.nameSingular === "company").node;
    const created = await gql(worker, `mutation($f: CreateFieldInput!) { createOneField(input: { field: $f }) { name } }`, { f: { type: "TEXT", name: "motto", label: "Motto", objectMetadataId: company.id } }, { token: ws.accessToken });
    expect(created.errors).toBeUndefined();
    const { res } = await counted(`{ companies(first: 1) { edges { node { motto } } } }`, ws.apiKeyToken);
    expect(res.errors).toBeUndefined();
    expect(res.data.companies.edges[0].node.motto).toBe("");
    expect((await counted(`{ companies(first: 1) { edges { node { motto } } } }`, ws.apiKeyToken)).count).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "trip");
  await worker.json("/rest/batch/companies", { method: "POST", token: ws.apiKeyToken, body: [{ name: "Acme" }, { name: "Globex" }] });
});
afterAll(() => worker?.close());

/** A request's answer and the statements the database saw for it. */
async function counted(path: string, token: string, init: Parameters<TestWorker["json"]>[1] = {}) {
  const before = await worker.statementCount();
  const res = await worker.json(path, { token, ...init });
  return { res, count: (await worker.statementCount()) - before };
}

/** A fresh API key of its own (the admin role), so revoking or changing it touches no other test. */
async function newKey(name: string): Promise<{ id: string; token: string }> {
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const key = await worker.json("/rest/apiKeys", { method: "POST", token: ws.accessToken, body: { name, expiresAt } });
  const minted = await gql(worker, `mutation($id: UUID!, $e: String!) { generateApiKeyToken(apiKeyId: $id, expiresAt: $e) { token } }`, { id: key.body.id, e: expiresAt }, { token: ws.accessToken });
  return { id: key.body.id, token: minted.data.generateApiKeyToken.token };
}

describe("REST reads take one round trip once the isolate knows the caller", () => {
  it("the first read of a caller checks it on its own (2 statements), the next ones with the data (1)", async () => {
    const key = await newKey("first");
    expect((await counted("/rest/companies", key.token)).count).toBe(2);
    for (const path of ["/rest/companies?depth=2&order_by=name", `/rest/companies/${(await worker.json("/rest/companies", { token: key.token })).body.data.companies[0].id}?depth=1`, `/rest/companies/groupBy?group_by=[{"name":true}]`]) {
      const { res, count } = await counted(path, key.token);
      expect(res.status, path).toBe(200);
      expect(count, path).toBe(1);
    }
  });

  it("the duplicates search (a POST that only reads) too", async () => {
    await counted("/rest/companies", ws.apiKeyToken);
    const { res, count } = await counted("/rest/companies/duplicates", ws.apiKeyToken, { method: "POST", body: { data: [{ name: "Acme" }] } });
    expect(res.status).toBe(200);
    expect(res.body.data[0].companyDuplicates.map((c: { name: string }) => c.name)).toEqual(["Acme"]);
    expect(count).toBe(1);
  });

  it("a user's token too", async () => {
    await counted("/rest/companies", ws.accessToken);
    const { res, count } = await counted("/rest/companies?order_by=name", ws.accessToken);
    expect(res.body.data.companies.map((c: { name: string }) => c.name)).toEqual(["Acme", "Globex"]);
    expect(count).toBe(1);
  });

  it("a missing record is still 404 in one statement", async () => {
    await counted("/rest/companies", ws.apiKeyToken);
    const { res, count } = await counted(`/rest/companies/${crypto.randomUUID()}`, ws.apiKeyToken);
    expect(res.status).toBe(404);
    expect(res.body.messages).toEqual(["Record not found"]);
    expect(count).toBe(1);
  });

  it("bad input is refused as before (the full check first, then the refusal)", async () => {
    await counted("/rest/companies", ws.apiKeyToken);
    const { res } = await counted("/rest/companies?filter=nope[eq]:1", ws.apiKeyToken);
    expect(res.status).toBe(400);
    const unknown = await counted("/rest/nothings", ws.apiKeyToken);
    expect(unknown.res.status).toBe(400);
    expect(unknown.res.body.messages).toEqual(["object 'nothings' not found. eg: companies"]);
  });

  it("writes too: the caller check travels with the write (1 statement)", async () => {
    await counted("/rest/companies", ws.apiKeyToken);
    const { res, count } = await counted("/rest/companies", ws.apiKeyToken, { method: "POST", body: { name: "Initech" } });
    expect(res.status).toBe(201);
    expect(count).toBe(1);
  });
});

describe("revocation is immediate", () => {
  it("a revoked key is refused on its very next request, in that request's one statement, and writes nothing", async () => {
    const key = await newKey("to revoke");
    await counted("/rest/companies", key.token);
    await gql(worker, `mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { id } }`, { id: key.id }, { token: ws.accessToken });
    const { res, count } = await counted("/rest/companies", key.token);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: "FORBIDDEN_EXCEPTION", messages: ["This API Key is revoked"] });
    expect(count).toBe(1);
    expect((await counted("/rest/companies?depth=1", key.token)).res.body.messages).toEqual(["This API Key is revoked"]);
    const write = await counted("/rest/companies", key.token, { method: "POST", body: { name: "Ghost" } });
    expect(write.res.status).toBe(403);
    expect((await worker.db.sql.query(`SELECT count(*)::int AS n FROM ${await schemaOf()}.company WHERE name = 'Ghost'`)).rows[0].n).toBe(0);
  });

  it("a removed member is refused on the next request", async () => {
    const member = await addMember(worker, ws, "leaver");
    expect((await counted("/rest/companies", member.accessToken)).res.status).toBe(200);
    await worker.db.sql.query(`UPDATE core."userWorkspace" SET "deletedAt" = now() WHERE "userId" = (SELECT id FROM core."user" WHERE email = $1)`, [member.email]);
    const { res, count } = await counted("/rest/companies", member.accessToken);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: "UNAUTHENTICATED", messages: ["Workspace not found"] });
    expect(count).toBe(1);
  });

  it("a role that loses a permission is refused on the next request; given back, it reads again", async () => {
    const key = await newKey("role change");
    await counted("/rest/companies", key.token);
    const role = `(SELECT "roleId" FROM core."roleTarget" WHERE "apiKeyId" = $1)`;
    await worker.db.sql.query(`UPDATE core.role SET "canReadAllObjectRecords" = false WHERE id = ${role}`, [key.id]);
    try {
      const { res } = await counted("/rest/companies", key.token);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: "PERMISSION_DENIED", messages: ["Entity performing the request does not have permission"] });
    } finally {
      await worker.db.sql.query(`UPDATE core.role SET "canReadAllObjectRecords" = true WHERE id = ${role}`, [key.id]);
    }
    const { res, count } = await counted("/rest/companies", key.token);
    expect(res.status).toBe(200);
    // The gated statement found the role changed back: re-planned once with the fresh row.
    expect(count).toBe(2);
    expect((await counted("/rest/companies", key.token)).count).toBe(1);
  });
});

describe("metadata changes", () => {
  it("a new field is served on the next request", async () => {
    await counted("/rest/companies", ws.apiKeyToken);
    const objects = await worker.json("/rest/metadata/objects", { token: ws.accessToken });
    const company = objects.body.data.objects.find((o: { nameSingular: string }) => o.nameSingular === "company");
    const field = await worker.json("/rest/metadata/fields", { method: "POST", token: ws.accessToken, body: { objectMetadataId: company.id, type: "TEXT", name: "tagline", label: "Tagline" } });
    expect(field.status).toBe(201);
    const { res } = await counted("/rest/companies?order_by=name", ws.apiKeyToken);
    expect(res.body.data.companies[0]).toHaveProperty("tagline", "");
    expect((await counted("/rest/companies", ws.apiKeyToken)).count).toBe(1);
  });
});

async function schemaOf(): Promise<string> {
  const { rows } = await worker.db.sql.query(`SELECT "schemaName" FROM core.workspace WHERE id = $1`, [ws.workspaceId]);
  return `"${rows[0].schemaName}"`;
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let schema: string;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "writetrip");
  const { rows } = await worker.db.sql.query(`SELECT "schemaName" FROM core.workspace WHERE id = $1`, [ws.workspaceId]);
  schema = `"${rows[0].schemaName}"`;
});
afterAll(() => worker?.close());

type Init = Parameters<TestWorker["json"]>[1];

/** A REST request's answer and the statements the database saw for it. */
async function counted(path: string, token: string, init: Init = {}) {
  const before = await worker.statementCount();
  const res = await worker.json(path, { token, ...init });
  return { res, count: (await worker.statementCount()) - before };
}

/** A /graphql request's answer and its statements. */
async function countedGql(query: string, token: string, variables: Record<string, unknown> = {}) {
  const before = await worker.statementCount();
  const res = await gql(worker, query, variables, { token, endpoint: "/graphql" });
  return { res, count: (await worker.statementCount()) - before };
}

/** A fresh API key (the admin role, or a role of its own when `ownRole`), so changing it touches no other test. */
async function newKey(name: string, ownRole = false): Promise<{ id: string; token: string }> {
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const key = await worker.json("/rest/apiKeys", { method: "POST", token: ws.accessToken, body: { name, expiresAt } });
  const minted = await gql(worker, `mutation($id: UUID!, $e: String!) { generateApiKeyToken(apiKeyId: $id, expiresAt: $e) { token } }`, { id: key.body.id, e: expiresAt }, { token: ws.accessToken });
  if (ownRole) {
    const { rows } = await worker.db.sql.query(
      `INSERT INTO core.role ("workspaceId", label, "canReadAllObjectRecords", "canUpdateAllObjectRecords", "canSoftDeleteAllObjectRecords", "canDestroyAllObjectRecords")
       VALUES ($1, $2, true, true, true, true) RETURNING id`,
      [ws.workspaceId, `role ${name}`],
    );
    await worker.db.sql.query(`UPDATE core."roleTarget" SET "roleId" = $1 WHERE "apiKeyId" = $2`, [rows[0].id, key.body.id]);
  }
  return { id: key.body.id, token: minted.data.generateApiKeyToken.token };
}

const countWhere = async (table: string, where: string, params: unknown[]) =>
  (await worker.db.sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)).rows[0].n as number;
const companiesNamed = (name: string) => countWhere(`${schema}.company`, `name = $1`, [name]);
const outboxRows = () => countWhere(`core."eventOutbox"`, `"workspaceId" = $1`, [ws.workspaceId]);

describe("REST writes take one round trip once the isolate knows the caller", () => {
  it("create, update, delete, destroy, restore, batch create and the many-variants: 1 statement each", async () => {
    await counted("/rest/companies", ws.apiKeyToken);
    const created = await counted("/rest/companies", ws.apiKeyToken, { method: "POST", body: { name: "One", employees: 1 } });
    expect(created.res.status).toBe(201);
    expect(created.count).toBe(1);
    const id = created.res.body.data.createCompany.id;
    const steps: Array<[string, string, unknown, number]> = [
      [`/rest/companies/${id}`, "PATCH", { employees: 2 }, 200],
      [`/rest/companies/${id}`, "PUT", { employees: 3 }, 200],
      [`/rest/companies/${id}`, "DELETE", undefined, 200],
      [`/rest/companies/${id}/restore`, "PATCH", undefined, 200],
      ["/rest/batch/companies", "POST", [{ name: "Many 1", position: "first" }, { name: "Many 2", position: "last" }, { name: "Many 3" }], 201],
      ["/rest/companies?filter=name[like]:Many%25", "PATCH", { employees: 9 }, 200],
      ["/rest/companies?filter=name[like]:Many%25", "DELETE", undefined, 200],
      ["/rest/companies/restore?filter=name[like]:Many%25", "PATCH", undefined, 200],
      [`/rest/companies/${id}?soft_delete=false`, "DELETE", undefined, 200],
    ];
    for (const [path, method, body, status] of steps) {
      const { res, count } = await counted(path, ws.apiKeyToken, { method, ...(body !== undefined ? { body } : {}) });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(status);
      expect(count, `${method} ${path}`).toBe(1);
    }
    expect(await companiesNamed("One")).toBe(0);
    const many = await worker.db.sql.query(`SELECT employees FROM ${schema}.company WHERE name LIKE 'Many%' AND "deletedAt" IS NULL`);
    expect(many.rows.map((r) => r.employees)).toEqual([9, 9, 9]);
    const events = await worker.db.sql.query(`SELECT "eventName" FROM core."eventOutbox" WHERE "recordId" = $1 ORDER BY id`, [id]);
    expect(events.rows.map((r) => r.eventName)).toEqual(["company.created", "company.updated", "company.updated", "company.deleted", "company.restored", "company.destroyed"]);
  });

  it("a user's token too, and its errors are answered as before", async () => {
    await counted("/rest/companies", ws.accessToken);
    const created = await counted("/rest/companies", ws.accessToken, { method: "POST", body: { name: "By user" } });
    expect(created.count).toBe(1);
    expect(created.res.body.data.createCompany.createdBy).toMatchObject({ source: "MANUAL" });
    const missing = await counted(`/rest/companies/${crypto.randomUUID()}`, ws.accessToken, { method: "PATCH", body: { employees: 1 } });
    expect(missing.res.status).toBe(404);
    expect(missing.res.body.messages).toEqual(["Record not found"]);
    expect(missing.count).toBe(1);
    const duplicate = await counted("/rest/companies", ws.accessToken, { method: "POST", body: { id: created.res.body.data.createCompany.id, name: "Again" } });
    expect(duplicate.res.status).toBe(400);
    expect(duplicate.res.body).toMatchObject({ code: "DUPLICATE_ENTRY", messages: ["A duplicate entry was detected"] });
    const bad = await counted("/rest/companies", ws.accessToken, { method: "POST", body: { name: "Bad", employees: "many" } });
    expect(bad.res.status).toBe(400);
    expect(bad.res.body.messages).toEqual([`Invalid number value 'many' for field "employees"`]);
    expect(await companiesNamed("Bad")).toBe(0);
  });

  it("upsert and merge keep their transaction, after the caller's own check", async () => {
    await counted("/rest/companies", ws.apiKeyToken);
    const first = await counted("/rest/companies?upsert=true", ws.apiKeyToken, { method: "POST", body: { name: "Upserted", domainName: { primaryLinkUrl: "https://upserted.test" } } });
    expect(first.res.status).toBe(201);
    const again = await counted("/rest/companies?upsert=true", ws.apiKeyToken, { method: "POST", body: { name: "Upserted again", domainName: { primaryLinkUrl: "https://upserted.test" } } });
    expect(again.res.body.data.createCompany.id).toBe(first.res.body.data.createCompany.id);
    expect(await companiesNamed("Upserted again")).toBe(1);
    const twin = await worker.json("/rest/companies", { method: "POST", token: ws.apiKeyToken, body: { name: "Upserted again" } });
    const merged = await counted("/rest/companies/merge", ws.apiKeyToken, { method: "PATCH", body: { ids: [first.res.body.data.createCompany.id, twin.body.data.createCompany.id], conflictPriorityIndex: 0 } });
    expect(merged.res.status, JSON.stringify(merged.res.body)).toBe(200);
    expect(await countWhere(`${schema}.company`, `name = $1 AND "deletedAt" IS NULL`, ["Upserted again"])).toBe(1);
  });
});

describe("GraphQL record mutations take one round trip when they are the document's only field", () => {
  it("createCompany and updateCompany: 1 statement each", async () => {
    await countedGql(`{ companies { totalCount } }`, ws.apiKeyToken);
    const created = await countedGql(`mutation { createCompany(data: {name: "Gql"}) { id name } }`, ws.apiKeyToken);
    expect(created.res.errors).toBeUndefined();
    expect(created.count).toBe(1);
    const id = created.res.data.createCompany.id;
    const updated = await countedGql(`mutation($id: UUID!) { updateCompany(id: $id, data: {employees: 5}) { employees } }`, ws.apiKeyToken, { id });
    expect(updated.res.data.updateCompany.employees).toBe(5);
    expect(updated.count).toBe(1);
    const many = await countedGql(`mutation { updateCompanies(filter: {name: {eq: "Gql"}}, data: {employees: 6}) { employees } }`, ws.apiKeyToken);
    expect(many.res.data.updateCompanies).toEqual([{ employees: 6 }]);
    expect(many.count).toBe(1);
    const deleted = await countedGql(`mutation($id: UUID!) { deleteCompany(id: $id) { deletedAt } }`, ws.apiKeyToken, { id });
    expect(deleted.res.data.deleteCompany.deletedAt).toEqual(expect.any(String));
    expect(deleted.count).toBe(1);
    const missing = await countedGql(`mutation($id: UUID!) { updateCompany(id: $id, data: {employees: 1}) { id } }`, ws.apiKeyToken, { id: crypto.randomUUID() });
    expect(missing.res.errors?.[0]?.extensions?.subCode).toBe("RECORD_NOT_FOUND");
  });

  it("two mutation fields run in sequence, each as before (2+ statements), and both write", async () => {
    await countedGql(`{ companies { totalCount } }`, ws.apiKeyToken);
    const { res, count } = await countedGql(`mutation { a: createCompany(data: {name: "Twin A"}) { name } b: createCompany(data: {name: "Twin B"}) { name } }`, ws.apiKeyToken);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: { name: "Twin A" }, b: { name: "Twin B" } });
    expect(count).toBeGreaterThanOrEqual(2);
    expect((await companiesNamed("Twin A")) + (await companiesNamed("Twin B"))).toBe(2);
  });
});

describe("a changed caller writes nothing", () => {
  it("a revoked key's next write is refused and leaves no row and no event (REST and GraphQL)", async () => {
    const key = await newKey("revoked writer");
    const created = await worker.json("/rest/companies", { method: "POST", token: key.token, body: { name: "Before revoke" } });
    const id = created.body.data.createCompany.id;
    await gql(worker, `mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { id } }`, { id: key.id }, { token: ws.accessToken });
    const events = await outboxRows();
    const post = await counted("/rest/companies", key.token, { method: "POST", body: { name: "Ghost" } });
    expect(post.res.status).toBe(403);
    expect(post.res.body).toMatchObject({ statusCode: 403, error: "FORBIDDEN_EXCEPTION", messages: ["This API Key is revoked"] });
    // The gated insert aborted (a changed caller's ids are NULL), then the caller read on its own refused.
    expect(post.count).toBe(2);
    expect(await companiesNamed("Ghost")).toBe(0);
    expect(await outboxRows()).toBe(events);

    const key2 = await newKey("revoked updater");
    await worker.json("/rest/companies", { token: key2.token });
    await gql(worker, `mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { id } }`, { id: key2.id }, { token: ws.accessToken });
    const patch = await counted(`/rest/companies/${id}`, key2.token, { method: "PATCH", body: { name: "Ghost" } });
    expect(patch.res.status).toBe(403);
    expect(patch.res.body.messages).toEqual(["This API Key is revoked"]);
    // The refusal came with the gated statement itself.
    expect(patch.count).toBe(1);
    expect(await companiesNamed("Ghost")).toBe(0);
    expect(await outboxRows()).toBe(events);

    const key3 = await newKey("revoked gql");
    await countedGql(`{ companies { totalCount } }`, key3.token);
    await gql(worker, `mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { id } }`, { id: key3.id }, { token: ws.accessToken });
    const mutation = await countedGql(`mutation { createCompany(data: {name: "Ghost"}) { name } }`, key3.token);
    expect(mutation.res.data).toBeUndefined();
    expect(mutation.res.errors?.[0]?.message).toBe("This API Key is revoked");
    const deletion = await countedGql(`mutation($id: UUID!) { deleteCompany(id: $id) { id } }`, key3.token, { id });
    expect(deletion.res.errors?.[0]?.message).toBe("This API Key is revoked");
    expect(await companiesNamed("Ghost")).toBe(0);
    expect(await countWhere(`${schema}.company`, `id = $1 AND "deletedAt" IS NULL`, [id])).toBe(1);
    expect(await outboxRows()).toBe(events);
  });

  it("a role that loses update permission is refused on its next write, nothing written; given back, it writes again", async () => {
    const key = await newKey("role writer", true);
    const created = await worker.json("/rest/companies", { method: "POST", token: key.token, body: { name: "Role target" } });
    const id = created.body.data.createCompany.id;
    const role = `(SELECT "roleId" FROM core."roleTarget" WHERE "apiKeyId" = $1)`;
    await worker.db.sql.query(`UPDATE core.role SET "canUpdateAllObjectRecords" = false WHERE id = ${role}`, [key.id]);
    const events = await outboxRows();
    const patch = await counted(`/rest/companies/${id}`, key.token, { method: "PATCH", body: { name: "Renamed" } });
    expect(patch.res.status).toBe(400);
    expect(patch.res.body).toMatchObject({ code: "PERMISSION_DENIED", messages: ["Entity performing the request does not have permission"] });
    const post = await counted("/rest/companies", key.token, { method: "POST", body: { name: "Renamed" } });
    expect(post.res.body.code).toBe("PERMISSION_DENIED");
    const mutation = await countedGql(`mutation($id: UUID!) { updateCompany(id: $id, data: {name: "Renamed"}) { name } }`, key.token, { id });
    expect(mutation.res.errors?.[0]?.message).toBe("Entity performing the request does not have permission");
    expect(await companiesNamed("Renamed")).toBe(0);
    expect(await outboxRows()).toBe(events);

    await worker.db.sql.query(`UPDATE core.role SET "canUpdateAllObjectRecords" = true WHERE id = ${role}`, [key.id]);
    const back = await counted(`/rest/companies/${id}`, key.token, { method: "PATCH", body: { name: "Renamed" } });
    expect(back.res.status).toBe(200);
    expect(await companiesNamed("Renamed")).toBe(1);
    expect((await counted(`/rest/companies/${id}`, key.token, { method: "PATCH", body: { employees: 1 } })).count).toBe(1);
  });

  it("a revoked key's next upsert is refused by the caller's own check before the transaction", async () => {
    const key = await newKey("revoked upserter");
    await worker.json("/rest/companies", { token: key.token });
    await gql(worker, `mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { id } }`, { id: key.id }, { token: ws.accessToken });
    const events = await outboxRows();
    const { res, count } = await counted("/rest/companies?upsert=true", key.token, { method: "POST", body: { name: "Ghost upsert" } });
    expect(res.status).toBe(403);
    expect(res.body.messages).toEqual(["This API Key is revoked"]);
    expect(count).toBe(1);
    expect(await companiesNamed("Ghost upsert")).toBe(0);
    expect(await outboxRows()).toBe(events);
  });

  it("a removed member's next write is refused and writes nothing", async () => {
    const member = await addMember(worker, ws, "writer");
    expect((await counted("/rest/companies", member.accessToken)).res.status).toBe(200);
    await worker.db.sql.query(`UPDATE core."userWorkspace" SET "deletedAt" = now() WHERE "userId" = (SELECT id FROM core."user" WHERE email = $1)`, [member.email]);
    const { res } = await counted("/rest/companies", member.accessToken, { method: "POST", body: { name: "Left behind" } });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: "UNAUTHENTICATED", messages: ["Workspace not found"] });
    expect(await companiesNamed("Left behind")).toBe(0);
  });
});

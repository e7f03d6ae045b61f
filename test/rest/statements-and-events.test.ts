import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
const rest = (path: string, init: Parameters<TestWorker["json"]>[1] = {}) => worker.json(path, { token: ws.apiKeyToken, ...init });

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "stmts");
  const companies = await rest("/rest/batch/companies", { method: "POST", body: Array.from({ length: 60 }, (_, i) => ({ name: `Company ${i}`, employees: i })) });
  const ids = companies.body.data.createCompanies.map((c: { id: string }) => c.id);
  await rest("/rest/batch/people", { method: "POST", body: ids.map((companyId: string, i: number) => ({ name: { firstName: `P${i}`, lastName: "X" }, companyId })) });
  await rest("/rest/batch/opportunities", { method: "POST", body: ids.map((companyId: string, i: number) => ({ name: `Deal ${i}`, companyId })) });
});
afterAll(() => worker?.close());

/** Statements the database saw for one request, after a warm-up request filled the isolate's caches. */
async function statementsOf(path: string, init: Parameters<TestWorker["json"]>[1] = {}) {
  const before = await worker.statementCount();
  const res = await rest(path, init);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBeLessThan(300);
  return { count: (await worker.statementCount()) - before, body: res.body };
}

describe("one SQL statement per request", () => {
  it("a depth-2 list of 60 companies with people and opportunities: ONE statement, the caller check included", async () => {
    await statementsOf("/rest/companies?limit=60&depth=2");
    const { count, body } = await statementsOf("/rest/companies?limit=60&depth=2&order_by=employees");
    expect(body.data.companies).toHaveLength(60);
    expect(body.data.companies[5].people[0].company.id).toBe(body.data.companies[5].id);
    expect(body.data.companies[5].opportunities).toHaveLength(1);
    expect(count).toBe(1);
  });

  it("a batch create of 60 (records, positions, events) is one statement", async () => {
    const { count, body } = await statementsOf("/rest/batch/companies", { method: "POST", body: Array.from({ length: 60 }, (_, i) => ({ name: `Batch ${i}` })) });
    expect(body.data.createCompanies).toHaveLength(60);
    expect(count).toBe(1);
  });

  it("update, delete and restore of many rows are one statement each", async () => {
    for (const [path, method] of [
      ["/rest/companies?filter=name[like]:Batch%25", "PATCH"],
      ["/rest/companies?filter=name[like]:Batch%25", "DELETE"],
      ["/rest/companies/restore?filter=name[like]:Batch%25", "PATCH"],
    ] as const) {
      const { count } = await statementsOf(path, { method, ...(method === "PATCH" && !path.includes("restore") ? { body: { employees: 7 } } : {}) });
      expect(count, `${method} ${path}`).toBe(1);
    }
  });
});

describe("record events land in the outbox with the write", () => {
  it("created, updated (before, after, changed fields), deleted, restored and destroyed", async () => {
    const created = await rest("/rest/companies", { method: "POST", body: { name: "Evented", employees: 3 } });
    const id = created.body.data.createCompany.id;
    await rest(`/rest/companies/${id}`, { method: "PATCH", body: { employees: 4, name: "Evented" } });
    await rest(`/rest/companies/${id}`, { method: "DELETE" });
    await rest(`/rest/companies/${id}/restore`, { method: "PATCH" });
    await rest(`/rest/companies/${id}?soft_delete=false`, { method: "DELETE" });
    const { rows } = await worker.db.sql.query(`SELECT "eventName", payload, actor FROM core."eventOutbox" WHERE "recordId" = $1 ORDER BY id`, [id]);
    expect(rows.map((r) => r.eventName)).toEqual(["company.created", "company.updated", "company.deleted", "company.restored", "company.destroyed"]);
    expect(rows[0].payload.after).toMatchObject({ id, name: "Evented", employees: 3 });
    expect(rows[0].payload.before).toBeUndefined();
    expect(rows[1].payload).toMatchObject({ before: { employees: 3 }, after: { employees: 4 }, updatedFields: ["employees"] });
    expect(rows[2].payload.after.deletedAt).toEqual(expect.any(String));
    expect(rows[4].payload.before).toMatchObject({ id });
    expect(rows[4].payload.after).toBeUndefined();
    expect(rows[0].actor).toMatchObject({ source: "API", name: "test key", apiKeyId: ws.apiKeyId });
  });

  it("a refused write leaves no event", async () => {
    const before = (await worker.db.sql.query(`SELECT count(*)::int AS n FROM core."eventOutbox"`)).rows[0].n;
    const res = await rest("/rest/batch/companies", { method: "POST", body: [{ name: "ok" }, { name: "bad", employees: "many" }] });
    expect(res.status).toBe(400);
    expect(res.body.messages).toEqual(["Invalid number value 'many' for field \"[1].employees\""]);
    expect((await worker.db.sql.query(`SELECT count(*)::int AS n FROM core."eventOutbox"`)).rows[0].n).toBe(before);
  });
});

describe("many-variants", () => {
  it("need a filter: without one nothing is touched", async () => {
    for (const [path, method] of [["/rest/companies", "PATCH"], ["/rest/companies", "DELETE"], ["/rest/companies/restore", "PATCH"]] as const) {
      const res = await rest(path, { method, ...(method === "PATCH" && path === "/rest/companies" ? { body: { employees: 0 } } : {}) });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.messages).toEqual(["Filter is required"]);
    }
  });

  it("refuse to change more than 200 rows, changing none", async () => {
    await rest("/rest/batch/people", { method: "POST", body: Array.from({ length: 200 }, () => ({ jobTitle: "Bulk" })) });
    await rest("/rest/people", { method: "POST", body: { jobTitle: "Bulk" } });
    const res = await rest("/rest/people?filter=jobTitle[eq]:Bulk", { method: "PATCH", body: { city: "Nowhere" } });
    expect(res.status).toBe(400);
    expect(res.body.messages).toEqual(["Cannot update more than 200 records at once"]);
    expect((await rest("/rest/people?filter=city[eq]:Nowhere")).body.totalCount).toBe(0);
  });

  it("update many answers update<Plural> with the changed records", async () => {
    const res = await rest("/rest/companies?filter=name[in]:[Company 1,Company 2]", { method: "PATCH", body: { idealCustomerProfile: true } });
    const changed = res.body.data.updateCompanies.map((c: { name: string; idealCustomerProfile: boolean }) => [c.name, c.idealCustomerProfile]);
    expect(changed.sort()).toEqual([
      ["Company 1", true],
      ["Company 2", true],
    ]);
  });
});

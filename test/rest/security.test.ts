import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, type MemberFixture, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let a: WorkspaceFixture;
let b: WorkspaceFixture;
let member: MemberFixture;
let bCompany: string;

beforeAll(async () => {
  worker = await startTestWorker();
  [a, b] = [await createWorkspace(worker, "sa"), await createWorkspace(worker, "sb")];
  member = await addMember(worker, a, "restricted");
  bCompany = (await worker.json("/rest/companies", { method: "POST", token: b.apiKeyToken, body: { name: "B secret" } })).body.data.createCompany.id;
});
afterAll(() => worker?.close());

describe("REST records: authentication", () => {
  it("no token → 401, a garbage token → 401, ?token= is not read", async () => {
    expect((await worker.json("/rest/companies")).body).toMatchObject({ statusCode: 401, messages: ["Missing authentication token"] });
    expect((await worker.json("/rest/companies", { token: "nope" })).body.messages).toEqual(["Token invalid."]);
    expect((await worker.json(`/rest/companies?token=${a.apiKeyToken}`)).status).toBe(401);
  });
});

describe("a token of workspace A never reads or writes workspace B", () => {
  it("B's record is not found by id, in lists, by filter, for update, delete, restore or destroy", async () => {
    const token = a.apiKeyToken;
    expect((await worker.json(`/rest/companies/${bCompany}`, { token })).status).toBe(404);
    expect((await worker.json(`/rest/companies?filter=id[eq]:${bCompany}`, { token })).body.totalCount).toBe(0);
    expect((await worker.json(`/rest/companies/${bCompany}`, { method: "PATCH", token, body: { name: "pwned" } })).status).toBe(404);
    expect((await worker.json(`/rest/companies/${bCompany}`, { method: "DELETE", token })).status).toBe(404);
    expect((await worker.json(`/rest/companies/${bCompany}?soft_delete=false`, { method: "DELETE", token })).status).toBe(404);
    expect((await worker.json(`/rest/companies/${bCompany}/restore`, { method: "PATCH", token })).status).toBe(404);
    const mine = await worker.json("/rest/people", { method: "POST", token, body: { companyId: bCompany } });
    expect(mine.status).toBe(400);
    expect(mine.body.messages[0]).toContain(bCompany);
    expect((await worker.json(`/rest/companies/${bCompany}`, { token: b.apiKeyToken })).body.data.company.name).toBe("B secret");
  });
});

describe("role permissions", () => {
  it("an object without read permission is refused; without update, writes are refused", async () => {
    const role = (await worker.db.sql.query(`SELECT id, "workspaceId" FROM core.role WHERE "workspaceId" = $1 AND label = 'Member'`, [a.workspaceId])).rows[0];
    const companyObject = (await worker.db.sql.query(`SELECT id FROM core."objectMetadata" WHERE "workspaceId" = $1 AND "nameSingular" = 'company'`, [a.workspaceId])).rows[0].id;
    await worker.db.sql.query(
      `INSERT INTO core."objectPermission" ("workspaceId", "roleId", "objectMetadataId", "canReadObjectRecords", "canUpdateObjectRecords") VALUES ($1, $2, $3, true, false)`,
      [a.workspaceId, role.id, companyObject],
    );
    expect((await worker.json("/rest/companies", { token: member.accessToken })).status).toBe(200);
    const write = await worker.json("/rest/companies", { method: "POST", token: member.accessToken, body: { name: "x" } });
    expect(write.status).toBe(400);
    expect(write.body).toMatchObject({ error: "Error", messages: ["Entity performing the request does not have permission"] });
    await worker.db.sql.query(`UPDATE core."objectPermission" SET "canReadObjectRecords" = false WHERE "roleId" = $1`, [role.id]);
    expect((await worker.json("/rest/companies", { token: member.accessToken })).body.messages).toEqual(["Entity performing the request does not have permission"]);
    const people = await worker.json("/rest/people?depth=1&limit=1", { token: member.accessToken });
    expect(people.status).toBe(200);
    await worker.db.sql.query(`DELETE FROM core."objectPermission" WHERE "roleId" = $1`, [role.id]);
  });

  it("an unreadable field is omitted; updating a frozen field is refused (Twenty T10)", async () => {
    const role = (await worker.db.sql.query(`SELECT id FROM core.role WHERE "workspaceId" = $1 AND label = 'Member'`, [a.workspaceId])).rows[0];
    const fields = (await worker.db.sql.query(
      `SELECT f.id, f.name, f."objectMetadataId" FROM core."fieldMetadata" f JOIN core."objectMetadata" o ON o.id = f."objectMetadataId" WHERE o."workspaceId" = $1 AND o."nameSingular" = 'person' AND f.name IN ('emails', 'phones')`,
      [a.workspaceId],
    )).rows;
    const emails = fields.find((f) => f.name === "emails");
    const phones = fields.find((f) => f.name === "phones");
    await worker.db.sql.query(
      `INSERT INTO core."fieldPermission" ("workspaceId", "roleId", "objectMetadataId", "fieldMetadataId", "canReadFieldValue", "canUpdateFieldValue") VALUES ($1, $2, $3, $4, false, null), ($1, $2, $3, $5, null, false)`,
      [a.workspaceId, role.id, emails.objectMetadataId, emails.id, phones.id],
    );
    const created = await worker.json("/rest/people", { method: "POST", token: member.accessToken, body: { city: "Here" } });
    expect(created.status).toBe(201);
    expect(created.body.data.createPerson.emails).toBeUndefined();
    expect(created.body.data.createPerson.city).toBe("Here");
    const frozen = await worker.json(`/rest/people/${created.body.data.createPerson.id}`, { method: "PATCH", token: member.accessToken, body: { phones: { primaryPhoneNumber: "123" } } });
    expect(frozen.status).toBe(400);
    expect(frozen.body.messages).toEqual(["Entity performing the request does not have permission"]);
    const admin = await worker.json(`/rest/people/${created.body.data.createPerson.id}`, { token: a.apiKeyToken });
    expect(admin.body.data.person.emails).toBeDefined();
    // A group's label is the field's value: grouping by a field the role cannot read is refused too.
    const grouped = await worker.json(`/rest/people/groupBy?group_by=${encodeURIComponent('[{"emails":{"primaryEmail":true}}]')}`, { token: member.accessToken });
    expect(grouped.status).toBe(400);
    expect(grouped.body.messages).toEqual(["Entity performing the request does not have permission"]);
    const byCity = await worker.json(`/rest/people/groupBy?group_by=${encodeURIComponent('[{"city":true}]')}`, { token: member.accessToken });
    expect(byCity.status).toBe(200);
    await worker.db.sql.query(`DELETE FROM core."fieldPermission" WHERE "roleId" = $1`, [role.id]);
  });

  it("filtering or ordering by a field the role cannot read is refused (it would reveal the value), across a relation too", async () => {
    const role = (await worker.db.sql.query(`SELECT id FROM core.role WHERE "workspaceId" = $1 AND label = 'Member'`, [a.workspaceId])).rows[0];
    const employees = (await worker.db.sql.query(
      `SELECT f.id, f."objectMetadataId" FROM core."fieldMetadata" f JOIN core."objectMetadata" o ON o.id = f."objectMetadataId" WHERE o."workspaceId" = $1 AND o."nameSingular" = 'company' AND f.name = 'employees'`,
      [a.workspaceId],
    )).rows[0];
    await worker.db.sql.query(
      `INSERT INTO core."fieldPermission" ("workspaceId", "roleId", "objectMetadataId", "fieldMetadataId", "canReadFieldValue", "canUpdateFieldValue") VALUES ($1, $2, $3, $4, false, false)`,
      [a.workspaceId, role.id, employees.objectMetadataId, employees.id],
    );
    const denied = ["Entity performing the request does not have permission"];
    for (const path of [
      "/rest/companies?filter=employees[gt]:100",
      "/rest/companies?filter=not(employees[is]:NULL)",
      "/rest/companies?order_by=employees[DescNullsLast]",
      "/rest/people?filter=company.employees[gte]:1000",
      "/rest/people?order_by=company.employees",
    ]) {
      const res = await worker.json(path, { token: member.accessToken });
      expect(res.status, path).toBe(400);
      expect(res.body.messages, path).toEqual(denied);
    }
    const update = await worker.json("/rest/companies?filter=employees[gt]:100", { method: "PATCH", token: member.accessToken, body: { name: "guessed" } });
    expect(update.body.messages).toEqual(denied);
    const gql = async (query: string) => (await worker.json("/graphql", { method: "POST", token: member.accessToken, body: { query } })).body;
    for (const query of [
      `{ companies(filter: { employees: { gt: 100 } }) { totalCount } }`,
      `{ companies(orderBy: [{ employees: DescNullsLast }]) { totalCount } }`,
      `{ people(filter: { company: { employees: { gte: 1000 } } }) { totalCount } }`,
    ]) {
      const body = await gql(query);
      expect(body.errors?.[0]?.extensions?.code, query).toBe("FORBIDDEN");
    }
    expect((await worker.json("/rest/companies?filter=name[eq]:x&order_by=name", { token: member.accessToken })).status).toBe(200);
    expect((await worker.json("/rest/companies?filter=employees[gt]:100", { token: a.apiKeyToken })).status).toBe(200);
    await worker.db.sql.query(`DELETE FROM core."fieldPermission" WHERE "roleId" = $1`, [role.id]);
  });
});

describe("bad input", () => {
  it("unknown query parameters and body fields are 400s naming them", async () => {
    const param = await worker.json("/rest/companies?sort=name", { token: a.apiKeyToken });
    expect(param.body.messages[0]).toMatch(/^Unknown query parameter "sort"\. Allowed parameters: filter, order_by/);
    const field = await worker.json("/rest/companies", { method: "POST", token: a.apiKeyToken, body: { name: "x", x: 1 } });
    expect(field.body.messages).toEqual(['Object company doesn\'t have any "x" field.']);
    const sub = await worker.json("/rest/companies", { method: "POST", token: a.apiKeyToken, body: { address: { bogus: "x" } } });
    expect(sub.body.messages).toEqual(['Invalid subfield bogus for address field "address"']);
    const typed = await worker.json("/rest/companies", { method: "POST", token: a.apiKeyToken, body: { employees: "12" } });
    expect(typed.body.messages).toEqual(["Invalid number value '12' for field \"employees\""]);
    const url = await worker.json("/rest/companies", { method: "POST", token: a.apiKeyToken, body: { domainName: { primaryLinkUrl: "not a url" } } });
    expect(url.body.messages).toEqual(["The URL of the link is not valid"]);
    const relation = await worker.json("/rest/people", { method: "POST", token: a.apiKeyToken, body: { company: { id: bCompany } } });
    expect(relation.body.messages).toEqual(['Set the relation "company" with "companyId"']);
    const malformed = await worker.fetch("/rest/companies", { method: "POST", headers: { authorization: `Bearer ${a.apiKeyToken}`, "content-type": "application/json" }, body: "{" });
    expect(malformed.status).toBe(400);
  });

  it("unknown objects get Twenty's hint", async () => {
    expect((await worker.json("/rest/company", { token: a.apiKeyToken })).body.messages).toEqual(["object 'company' not found. Did you mean 'companies'?"]);
    expect((await worker.json("/rest/widgets", { token: a.apiKeyToken })).body.messages).toEqual(["object 'widgets' not found. eg: companies"]);
    expect((await worker.json("/rest/companies/a/b/c", { token: a.apiKeyToken })).status).toBe(400);
  });

  it("links and emails are normalised as Twenty does", async () => {
    const res = await worker.json("/rest/companies", { method: "POST", token: a.apiKeyToken, body: { domainName: { primaryLinkUrl: "https://ACME.com/" } } });
    expect(res.body.data.createCompany.domainName).toEqual({ primaryLinkLabel: "", primaryLinkUrl: "https://acme.com", secondaryLinks: [] });
  });
});

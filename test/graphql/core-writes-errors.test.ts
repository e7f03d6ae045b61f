import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, type MemberFixture, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { createGadgetObject, objectIdOf, ok, refused, restRecord, tableRows, type Vars } from "./core-writes-fixture.ts";

/** Write errors on /graphql (§2.11): codes, messages, nothing half-written; and who may write what. */
let worker: TestWorker;
let a: WorkspaceFixture;
let b: WorkspaceFixture;
let member: MemberFixture;
let memberRoleId: string;

const run = (query: string, vars: Vars = {}) => ok(worker, a.apiKeyToken, query, vars);
const fail = (query: string, vars: Vars = {}, token: string | undefined = a.apiKeyToken) => refused(worker, token, query, vars);

beforeAll(async () => {
  worker = await startTestWorker();
  [a, b] = [await createWorkspace(worker, "gql-err-a"), await createWorkspace(worker, "gql-err-b")];
  await createGadgetObject(worker, a);
  member = await addMember(worker, a, "gql-err-member");
  memberRoleId = (await worker.db.sql.query(`SELECT id FROM core.role WHERE "workspaceId" = $1 AND label = 'Member'`, [a.workspaceId])).rows[0].id;
});
afterAll(() => worker?.close());

describe("bad inputs are BAD_USER_INPUT with data null", () => {
  it("an unknown enum value, through a variable or as a literal", async () => {
    const variable = await fail(`mutation($d: OpportunityCreateInput!) { createOpportunity(data: $d) { id } }`, { d: { name: "x", stage: "WON" } });
    expect(variable.error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(variable.error.message).toBe('Variable "$d" got invalid value "WON" at "d.stage"; Value "WON" does not exist in "OpportunityStageEnum" enum.');
    const literal = await fail(`mutation { createGadget(data: {status: BROKEN}) { id } }`);
    expect(literal.error.message).toBe('Value "BROKEN" does not exist in "GadgetStatusEnum" enum.');
    expect(literal.data).toBeUndefined();
    const many = await fail(`mutation($d: GadgetUpdateInput!) { updateGadgets(filter: {name: {eq: "x"}}, data: $d) { id } }`, { d: { tags: ["RED", "PINK"] } });
    expect(many.error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(many.error.message).toContain('Value "PINK" does not exist in "GadgetTagsEnum" enum.');
  });

  it("a value of the wrong scalar type", async () => {
    const cases: Array<[string, Vars, string]> = [
      ["CompanyCreateInput", { employees: "12" }, 'Float cannot represent non numeric value: "12"'],
      ["CompanyCreateInput", { idealCustomerProfile: "yes" }, 'Boolean cannot represent a non boolean value: "yes"'],
      ["GadgetCreateInput", { releasedOn: "31/01/2025" }, 'Invalid Date: "31/01/2025", expected yyyy-MM-dd'],
      ["GadgetCreateInput", { lastSeenAt: "yesterday" }, 'Invalid DateTime: "yesterday"'],
      ["GadgetCreateInput", { price: { amountMicros: "abc" } }, "BigFloat must be a number"],
      ["GadgetCreateInput", { aliases: [1] }, ""],
    ];
    for (const [type, d, message] of cases) {
      const res = await fail(`mutation($d: ${type}!) { ${type === "GadgetCreateInput" ? "createGadget" : "createCompany"}(data: $d) { id } }`, { d });
      expect(res.error.extensions?.code, JSON.stringify(d)).toBe("BAD_USER_INPUT");
      expect(res.error.message).toContain(message);
    }
    expect(await tableRows(worker, a, "company")).toEqual([]);
    const id = await fail(`mutation($d: GadgetCreateInput!) { createGadget(data: $d) { id } }`, { d: { id: "not-a-uuid" } });
    expect(id.error.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(id.error.extensions?.subCode).toBeDefined();
    expect(id.data).toEqual({ createGadget: null });
  });

  // The day must exist, and a database refusal never answers with the statement's text.
  it("an impossible calendar date is BAD_USER_INPUT naming the value, without leaking SQL", async () => {
    const res = await fail(`mutation($d: GadgetCreateInput!) { createGadget(data: $d) { id } }`, { d: { releasedOn: "2025-02-30" } });
    expect(res.error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.error.message).toContain("2025-02-30");
    expect(res.error.message).not.toMatch(/INSERT|SELECT|workspace_/);
  });

  // 2.21's inputs declare them; writing them is refused by name, as REST does.
  it("server-owned fields are in the inputs, and writing them is refused naming the field", async () => {
    for (const field of ["updatedAt", "deletedAt", "searchVector"]) {
      const res = await fail(`mutation($d: CompanyCreateInput!) { createCompany(data: $d) { id } }`, { d: { name: "ro", [field]: "2025-01-01T00:00:00Z" } });
      expect(res.error.extensions, field).toMatchObject({ code: "BAD_USER_INPUT", subCode: "READ_ONLY_FIELD" });
      expect(res.error.message).toBe(`Field "${field}" is set by the server`);
    }
    const update = await fail(`mutation($id: UUID!) { updateCompany(id: $id, data: {createdAt: "2020-01-01T00:00:00Z"}) { id } }`, { id: crypto.randomUUID() });
    expect(update.error.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "READ_ONLY_FIELD" });
    expect(update.error.message).toBe('Field "createdAt" is set by the server');
    expect(await tableRows(worker, a, "company")).toEqual([]);
  });

  it("server-side checks carry a subCode; a createMany with one bad record writes none", async () => {
    const url = await fail(`mutation($d: [CompanyCreateInput!]!) { createCompanies(data: $d) { id } }`, {
      d: [{ name: "fine-1" }, { name: "bad", domainName: { primaryLinkUrl: "not a url" } }, { name: "fine-2" }],
    });
    expect(url.error.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: expect.any(String) });
    expect(url.error.message).toBe("The URL of the link is not valid");
    expect(url.data).toEqual({ createCompanies: null });
    const duplicate = await fail(`mutation($d: [PersonCreateInput!]!) { createPeople(data: $d) { id } }`, {
      d: [{ jobTitle: "dup", emails: { primaryEmail: "same@x.com" } }, { jobTitle: "dup", emails: { primaryEmail: "SAME@x.com" } }],
    });
    expect(duplicate.error.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "DUPLICATE_ENTRY" });
    expect(duplicate.error.message).toBe("Duplicate Emails with value same@x.com. Please set a unique one.");
    expect(await tableRows(worker, a, "company")).toEqual([]);
    expect(await tableRows(worker, a, "person", `"jobTitle" = 'dup'`)).toEqual([]);
    const unknown = await fail(`mutation($d: GadgetCreateInput!) { createGadget(data: $d) { id } }`, { d: { specs: { ok: 1 }, bogus: 1 } });
    expect(unknown.error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(unknown.error.message).toContain('Field "bogus" is not defined by type "GadgetCreateInput"');
  });

  it("an update matching nothing by filter answers an empty list; a bad filter is refused", async () => {
    expect((await run(`mutation { updateGadgets(filter: {code: {eq: "none"}}, data: {name: "x"}) { id } }`)).updateGadgets).toEqual([]);
    const badFilter = await fail(`mutation { deleteGadgets(filter: {weight: {like: "%1"}}) { id } }`);
    expect(badFilter.error.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });
});

describe("who may write", () => {
  it("a garbage or expired token is UNAUTHENTICATED and nothing is written", async () => {
    const garbage = await refused(worker, "garbage", `mutation { createCompany(data: {name: "anon"}) { id } }`);
    expect(garbage.error.extensions?.code).toBe("UNAUTHENTICATED");
    expect(garbage.data ?? null).toBeNull();
    expect(await tableRows(worker, a, "company", `name = 'anon'`)).toEqual([]);
  });

  // The seeds' decision (spec README): a missing token is UNAUTHENTICATED, not an unknown field of the public schema.
  it("without a token a workspace mutation is UNAUTHENTICATED, not an unknown field", async () => {
    const res = await refused(worker, undefined, `mutation { createCompany(data: {name: "anon"}) { id } }`);
    expect(res.error.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("workspace B cannot update, delete, destroy or restore A's record by id, nor reach it by filter", async () => {
    const mine = (await run(`mutation { createCompany(data: {name: "A only"}) { id } }`)).createCompany.id;
    const deleted = (await run(`mutation { createCompany(data: {name: "A deleted"}) { id } }`)).createCompany.id;
    await run(`mutation($id: UUID!) { deleteCompany(id: $id) { id } }`, { id: deleted });
    const as = (query: string, vars: Vars) => fail(query, vars, b.apiKeyToken);
    const cases: Array<[string, string, string]> = [
      ["updateCompany", `mutation($id: UUID!) { updateCompany(id: $id, data: {name: "pwned"}) { id } }`, mine],
      ["deleteCompany", `mutation($id: UUID!) { deleteCompany(id: $id) { id } }`, mine],
      ["destroyCompany", `mutation($id: UUID!) { destroyCompany(id: $id) { id } }`, mine],
      ["restoreCompany", `mutation($id: UUID!) { restoreCompany(id: $id) { id } }`, deleted],
    ];
    for (const [field, query, id] of cases) {
      const res = await as(query, { id });
      expect(res.error.extensions?.code, field).toBe("NOT_FOUND");
      expect(res.data).toEqual({ [field]: null });
    }
    const byFilter = await ok(worker, b.apiKeyToken, `mutation($ids: [UUID!]) { updateCompanies(filter: {id: {in: $ids}}, data: {name: "pwned"}) { id } destroyCompanies(filter: {id: {in: $ids}}) { id } }`, { ids: [mine, deleted] });
    expect(byFilter).toEqual({ updateCompanies: [], destroyCompanies: [] });
    const upsert = await ok(worker, b.apiKeyToken, `mutation($id: ID) { createCompany(data: {id: $id, name: "pwned"}, upsert: true) { id name } }`, { id: mine });
    expect(upsert.createCompany).toEqual({ id: mine, name: "pwned" });
    expect(await restRecord(worker, a.apiKeyToken, "companies", mine)).toMatchObject({ name: "A only", deletedAt: null });
    expect(await restRecord(worker, a.apiKeyToken, "companies", deleted)).toMatchObject({ name: "A deleted", deletedAt: expect.any(String) });
    const merge = await as(`mutation($ids: [UUID!]!) { mergeCompanies(ids: $ids, conflictPriorityIndex: 0) { id } }`, { ids: [mine, crypto.randomUUID()] });
    expect(merge.error.message).toBe("One or more records not found");
  });

  it("a role without update permission on the object is FORBIDDEN for every write, data null", async () => {
    const companyObject = await objectIdOf(worker, a, "company");
    const existing = (await run(`mutation { createCompany(data: {name: "Guarded"}) { id } }`)).createCompany.id;
    await worker.db.sql.query(
      `INSERT INTO core."objectPermission" ("workspaceId", "roleId", "objectMetadataId", "canReadObjectRecords", "canUpdateObjectRecords", "canSoftDeleteObjectRecords", "canDestroyObjectRecords") VALUES ($1, $2, $3, true, false, false, false)`,
      [a.workspaceId, memberRoleId, companyObject],
    );
    try {
      const cases: Array<[string, string]> = [
        ["createCompany", `mutation($id: ID) { createCompany(data: {id: $id, name: "nope"}) { id } }`],
        ["createCompanies", `mutation($id: ID) { createCompanies(data: [{id: $id, name: "nope"}], upsert: true) { id } }`],
        ["updateCompany", `mutation($id: UUID!) { updateCompany(id: $id, data: {name: "nope"}) { id } }`],
        ["updateCompanies", `mutation($id: UUID!) { updateCompanies(filter: {id: {eq: $id}}, data: {name: "nope"}) { id } }`],
        ["deleteCompany", `mutation($id: UUID!) { deleteCompany(id: $id) { id } }`],
        ["restoreCompanies", `mutation($id: UUID!) { restoreCompanies(filter: {id: {eq: $id}}) { id } }`],
        ["destroyCompany", `mutation($id: UUID!) { destroyCompany(id: $id) { id } }`],
        ["mergeCompanies", `mutation($id: UUID!) { mergeCompanies(ids: [$id, "${crypto.randomUUID()}"], conflictPriorityIndex: 0) { id } }`],
      ];
      for (const [field, query] of cases) {
        const res = await fail(query, { id: existing }, member.accessToken);
        expect(res.error.extensions?.code, field).toBe("FORBIDDEN");
        expect(res.error.message).toBe("Entity performing the request does not have permission");
        expect(res.data).toEqual({ [field]: null });
      }
      const read = await ok(worker, member.accessToken, `query($id: UUID!) { company(filter: {id: {eq: $id}}) { name deletedAt } }`, { id: existing });
      expect(read.company).toEqual({ name: "Guarded", deletedAt: null });
      expect(await tableRows(worker, a, "company", `name = 'nope'`)).toEqual([]);
      // Other objects stay writable for the same member.
      expect((await ok(worker, member.accessToken, `mutation { createGadget(data: {name: "member's"}) { name } }`)).createGadget).toEqual({ name: "member's" });
    } finally {
      await worker.db.sql.query(`DELETE FROM core."objectPermission" WHERE "roleId" = $1`, [memberRoleId]);
    }
  });

  it("a field the role cannot update is FORBIDDEN in create and update; the others are writable", async () => {
    const gadget = await objectIdOf(worker, a, "gadget");
    const weight = (await worker.db.sql.query(`SELECT id FROM core."fieldMetadata" WHERE "objectMetadataId" = $1 AND name = 'weight'`, [gadget])).rows[0].id;
    await worker.db.sql.query(
      `INSERT INTO core."fieldPermission" ("workspaceId", "roleId", "objectMetadataId", "fieldMetadataId", "canReadFieldValue", "canUpdateFieldValue") VALUES ($1, $2, $3, $4, null, false)`,
      [a.workspaceId, memberRoleId, gadget, weight],
    );
    try {
      const created = (await ok(worker, member.accessToken, `mutation { createGadget(data: {name: "light"}) { id name weight } }`)).createGadget;
      expect(created).toMatchObject({ name: "light", weight: null });
      const onCreate = await fail(`mutation { createGadget(data: {name: "heavy", weight: 9}) { id } }`, {}, member.accessToken);
      expect(onCreate.error.extensions?.code).toBe("FORBIDDEN");
      expect(onCreate.error.message).toBe("Entity performing the request does not have permission");
      expect(onCreate.data).toEqual({ createGadget: null });
      const onUpdate = await fail(`mutation($id: UUID!) { updateGadget(id: $id, data: {weight: 9}) { id } }`, { id: created.id }, member.accessToken);
      expect(onUpdate.error.extensions?.code).toBe("FORBIDDEN");
      expect(onUpdate.data).toEqual({ updateGadget: null });
      const renamed = (await ok(worker, member.accessToken, `mutation($id: UUID!) { updateGadget(id: $id, data: {name: "lighter"}) { name weight } }`, { id: created.id })).updateGadget;
      expect(renamed).toEqual({ name: "lighter", weight: null });
      expect(await tableRows(worker, a, "_gadget", `name = 'heavy' OR weight = 9`)).toEqual([]);
    } finally {
      await worker.db.sql.query(`DELETE FROM core."fieldPermission" WHERE "roleId" = $1`, [memberRoleId]);
    }
  });

  it("a connect is no oracle: without write access, read access to the target, or the relation field, it is FORBIDDEN", async () => {
    const acme = (await run(`mutation { createCompany(data: {name: "Oracle Inc", domainName: {primaryLinkUrl: "oracle-inc.com"}}) { id } }`)).createCompany.id;
    const connect = (domain: string) =>
      fail(`mutation($d: String) { createPerson(data: {jobTitle: "probe", company: {connect: {where: {domainName: {primaryLinkUrl: $d}}}}}) { id } }`, { d: domain }, member.accessToken);
    const expectForbidden = async (why: string) => {
      for (const domain of ["oracle-inc.com", "missing.example"]) {
        const res = await connect(domain);
        expect(res.error.extensions?.code, `${why}: ${domain}`).toBe("FORBIDDEN");
        expect(res.error.message).toBe("Entity performing the request does not have permission");
        expect(res.data).toEqual({ createPerson: null });
      }
    };
    const [person, company] = [await objectIdOf(worker, a, "person"), await objectIdOf(worker, a, "company")];
    const permission = `INSERT INTO core."objectPermission" ("workspaceId", "roleId", "objectMetadataId", "canReadObjectRecords", "canUpdateObjectRecords") VALUES ($1, $2, $3, $4, $5)`;
    try {
      await worker.db.sql.query(permission, [a.workspaceId, memberRoleId, person, true, false]);
      await expectForbidden("no update on person");
      await worker.db.sql.query(`DELETE FROM core."objectPermission" WHERE "roleId" = $1`, [memberRoleId]);

      await worker.db.sql.query(permission, [a.workspaceId, memberRoleId, company, false, false]);
      await expectForbidden("no read on company");
      await worker.db.sql.query(`DELETE FROM core."objectPermission" WHERE "roleId" = $1`, [memberRoleId]);

      const relation = (await worker.db.sql.query(`SELECT id FROM core."fieldMetadata" WHERE "objectMetadataId" = $1 AND name = 'company'`, [person])).rows[0].id;
      await worker.db.sql.query(
        `INSERT INTO core."fieldPermission" ("workspaceId", "roleId", "objectMetadataId", "fieldMetadataId", "canReadFieldValue", "canUpdateFieldValue") VALUES ($1, $2, $3, $4, null, false)`,
        [a.workspaceId, memberRoleId, person, relation],
      );
      await expectForbidden("relation field frozen");
      const joinColumn = await fail(`mutation($c: ID) { createPerson(data: {companyId: $c}) { id } }`, { c: acme }, member.accessToken);
      expect(joinColumn.error.extensions?.code).toBe("FORBIDDEN");
    } finally {
      await worker.db.sql.query(`DELETE FROM core."objectPermission" WHERE "roleId" = $1`, [memberRoleId]);
      await worker.db.sql.query(`DELETE FROM core."fieldPermission" WHERE "roleId" = $1`, [memberRoleId]);
    }
    const allowed = (await ok(worker, member.accessToken, `mutation { createPerson(data: {jobTitle: "probe", company: {connect: {where: {domainName: {primaryLinkUrl: "oracle-inc.com"}}}}}) { companyId } }`)).createPerson;
    expect(allowed.companyId).toBe(acme);
    expect(await tableRows(worker, a, "person", `"jobTitle" = 'probe'`)).toHaveLength(1);
  });

  it("a field the role cannot read is FORBIDDEN when the mutation selects it, and nothing is written", async () => {
    const gadget = await objectIdOf(worker, a, "gadget");
    const code = (await worker.db.sql.query(`SELECT id FROM core."fieldMetadata" WHERE "objectMetadataId" = $1 AND name = 'code'`, [gadget])).rows[0].id;
    await worker.db.sql.query(
      `INSERT INTO core."fieldPermission" ("workspaceId", "roleId", "objectMetadataId", "fieldMetadataId", "canReadFieldValue", "canUpdateFieldValue") VALUES ($1, $2, $3, $4, false, null)`,
      [a.workspaceId, memberRoleId, gadget, code],
    );
    try {
      const res = await fail(`mutation { createGadget(data: {name: "peek"}) { id code } }`, {}, member.accessToken);
      expect(res.error.extensions?.code).toBe("FORBIDDEN");
      expect(res.data).toEqual({ createGadget: null });
      expect(await tableRows(worker, a, "_gadget", `name = 'peek'`)).toEqual([]);
    } finally {
      await worker.db.sql.query(`DELETE FROM core."fieldPermission" WHERE "roleId" = $1`, [memberRoleId]);
    }
  });
});

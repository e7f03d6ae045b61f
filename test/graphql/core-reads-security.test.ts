import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, type MemberFixture, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { objectIds, query, read, roleId, seedCrm, type Ids } from "./core-reads-fixture.ts";

/** Errors (§2.11), workspace isolation and role permissions (§5.5), introspection of the workspace schema (§2.4–2.5). */
let worker: TestWorker;
let a: WorkspaceFixture;
let b: WorkspaceFixture;
let member: MemberFixture;
let ids: Ids;
let bIds: Ids;

beforeAll(async () => {
  worker = await startTestWorker();
  [a, b] = [await createWorkspace(worker, "gql-sec-a"), await createWorkspace(worker, "gql-sec-b")];
  member = await addMember(worker, a, "gql-reader");
  ids = await seedCrm(worker, a);
  bIds = await seedCrm(worker, b);
});
afterAll(() => worker?.close());

const forbidden = { message: "Entity performing the request does not have permission", extensions: { code: "FORBIDDEN" } };

describe("errors", () => {
  it("a refused argument: HTTP 200, BAD_USER_INPUT with subCode and userFriendlyMessage, data.x null, path", async () => {
    const res = await query(worker, a.apiKeyToken, `{ ok: companies { totalCount } bad: opportunities(filter: {stage: {in: []}}) { totalCount } }`);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ ok: { totalCount: 3 }, bad: null });
    expect(res.errors).toEqual([
      {
        message: "Invalid filter value for field stage. Expected non-empty array",
        path: ["bad"],
        locations: [{ line: 1, column: 32 }],
        extensions: { code: "BAD_USER_INPUT", subCode: "INVALID_FILTER_VALUE", userFriendlyMessage: "Invalid filter value for field stage. Expected non-empty array" },
      },
    ]);
  });

  it("variables the schema refuses (operator, orderBy field, UUID, DateTime, number) are BAD_USER_INPUT, never INTERNAL_SERVER_ERROR", async () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      [`query($f: CompanyFilterInput) { companies(filter: $f) { totalCount } }`, { f: { name: { notAnOperator: "a" } } }, /Field "notAnOperator" is not defined by type "StringFilter"/],
      [`query($o: [CompanyOrderByInput]) { companies(orderBy: $o) { totalCount } }`, { o: [{ nope: "AscNullsFirst" }] }, /Field "nope" is not defined by type "CompanyOrderByInput"/],
      [`query($id: UUID!) { company(filter: {id: {eq: $id}}) { id } }`, { id: "not-a-uuid" }, /Invalid UUID/],
      [`query($f: CompanyFilterInput) { companies(filter: $f) { totalCount } }`, { f: { id: { in: ["nope"] } } }, /Invalid UUID/],
      [`query($d: DateTime) { companies(filter: {createdAt: {gt: $d}}) { totalCount } }`, { d: "yesterday" }, /Invalid DateTime/],
      [`query($f: CompanyFilterInput) { companies(filter: $f) { totalCount } }`, { f: { employees: { gt: "ten" } } }, /Float cannot represent/],
      [`query($f: OpportunityFilterInput) { opportunities(filter: $f) { totalCount } }`, { f: { stage: { eq: "WON" } } }, /OpportunityStageEnum/],
      [`query($f: CompanyFilterInput) { companies(filter: $f) { totalCount } }`, { f: { name: { is: "MAYBE" } } }, /FilterIs/],
    ];
    for (const [text, variables, message] of cases) {
      const res = await query(worker, a.apiKeyToken, text, variables);
      expect(res.status).toBe(200);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.message).toMatch(message);
      expect(res.data ?? null).toBeNull();
    }
  });

  it("literals the schema refuses are GRAPHQL_VALIDATION_FAILED; syntax errors GRAPHQL_PARSE_FAILED", async () => {
    for (const text of [
      `{ companies(filter: {name: {notAnOperator: "a"}}) { totalCount } }`,
      `{ companies(orderBy: [{nope: AscNullsFirst}]) { totalCount } }`,
      `{ company(filter: {id: {eq: "not-a-uuid"}}) { id } }`,
      `{ companies(filter: {createdAt: {gt: "yesterday"}}) { totalCount } }`,
      `{ companies { totalCount countEmptyNope } }`,
    ]) {
      const res = await query(worker, a.apiKeyToken, text);
      expect(res.errors?.[0]?.extensions?.code, text).toBe("GRAPHQL_VALIDATION_FAILED");
    }
    expect((await query(worker, a.apiKeyToken, `{ companies { totalCount `)).errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("deeply nested queries are refused before anything runs (the nesting limit comes before Twenty's depth 5)", async () => {
    const level = (inner: string) => `people { edges { node { company { ${inner} } } } }`;
    const text = `{ companies { edges { node { ${level(level(level(level(level("name")))))} } } } }`;
    const res = await query(worker, a.apiKeyToken, text);
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", subCode: "QUERY_TOO_DEEP" });
    expect(res.data).toBeUndefined();
  });
});

describe("authentication and workspace isolation", () => {
  it("no token: UNAUTHENTICATED for companies, findOne and groupBy (not a validation error)", async () => {
    for (const text of [`{ companies { totalCount } }`, `{ company(filter: {id: {eq: "${ids.acme}"}}) { id } }`, `{ peopleGroupBy(groupBy: [{city: true}]) { totalCount } }`]) {
      const res = await query(worker, "", text);
      expect(res.status).toBe(200);
      expect(res.errors?.[0]).toMatchObject({ message: "Missing authentication token", extensions: { code: "UNAUTHENTICATED" } });
      expect(res.data?.companies ?? null).toBeNull();
    }
  });

  it("a garbage token: UNAUTHENTICATED", async () => {
    const res = await query(worker, "nope", `{ companies { totalCount } }`);
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("a token of workspace B never sees A's records", async () => {
    const list = await read(worker, b.apiKeyToken, `query($ids: [UUID!]) { companies(filter: {id: {in: $ids}}) { totalCount edges { node { id } } } }`, { ids: [ids.acme, ids.beta, bIds.acme] });
    expect(list.companies).toEqual({ totalCount: 1, edges: [{ node: { id: bIds.acme } }] });
    const nested = await read(worker, b.apiKeyToken, `query($id: UUID) { people(filter: {companyId: {eq: $id}}) { totalCount } }`, { id: ids.acme });
    expect(nested.people.totalCount).toBe(0);
    const one = await query(worker, b.apiKeyToken, `query($id: UUID!) { company(filter: {id: {eq: $id}}) { id } }`, { id: ids.acme });
    expect(one.data).toEqual({ company: null });
    expect(one.errors?.[0]).toMatchObject({ message: "Record not found", extensions: { code: "NOT_FOUND", subCode: "RECORD_NOT_FOUND" } });
    const dupes = await read(worker, b.apiKeyToken, `query($ids: [UUID]) { companyDuplicates(ids: $ids) { totalCount } }`, { ids: [ids.acme] });
    // Twenty looks the ids up first: an id it cannot see gives no connection at all.
    expect(dupes.companyDuplicates).toEqual([]);
    const groups = await read(worker, b.apiKeyToken, `{ companiesGroupBy(groupBy: [{name: true}]) { groupByDimensionValues } }`);
    expect(groups.companiesGroupBy).toHaveLength(3);
  });
});

describe("role permissions", () => {
  it("an object the role cannot read: FORBIDDEN, directly, via a relation, a nested connection, groupBy and findOne", async () => {
    const role = await roleId(worker, a.workspaceId, "Member");
    const company = await objectIds(worker, a.workspaceId, "company");
    const token = member.accessToken;
    expect((await read(worker, token, `{ companies { totalCount } }`)).companies.totalCount).toBe(3);
    await worker.db.sql.query(`INSERT INTO core."objectPermission" ("workspaceId", "roleId", "objectMetadataId", "canReadObjectRecords") VALUES ($1, $2, $3, false)`, [a.workspaceId, role, company.id]);
    try {
      for (const text of [
        `{ companies { totalCount } }`,
        `{ people { edges { node { company { name } } } } }`,
        `{ opportunities { edges { node { pointOfContact { company { id } } } } } }`,
        `{ companiesGroupBy(groupBy: [{name: true}]) { totalCount } }`,
        `{ company(filter: {id: {eq: "${ids.acme}"}}) { id } }`,
        `{ companyDuplicates(ids: ["${ids.acme}"]) { totalCount } }`,
      ]) {
        const res = await query(worker, token, text);
        expect(res.errors?.[0], text).toMatchObject(forbidden);
        expect(Object.values(res.data ?? { x: null }), text).toEqual([null]);
      }
      const people = await read(worker, token, `{ people(filter: {companyId: {eq: "${ids.acme}"}}) { totalCount edges { node { companyId } } } }`);
      expect(people.people).toEqual({ totalCount: 1, edges: [{ node: { companyId: ids.acme } }] });
      // The admin API key is not affected.
      expect((await read(worker, a.apiKeyToken, `{ companies { totalCount } }`)).companies.totalCount).toBe(3);
    } finally {
      await worker.db.sql.query(`DELETE FROM core."objectPermission" WHERE "roleId" = $1`, [role]);
    }
  });

  it("a field the role cannot read: FORBIDDEN when selected directly, via a relation or an aggregate; fine when not selected", async () => {
    const role = await roleId(worker, a.workspaceId, "Member");
    const person = await objectIds(worker, a.workspaceId, "person");
    const token = member.accessToken;
    await worker.db.sql.query(
      `INSERT INTO core."fieldPermission" ("workspaceId", "roleId", "objectMetadataId", "fieldMetadataId", "canReadFieldValue", "canUpdateFieldValue") VALUES ($1, $2, $3, $4, false, false)`,
      [a.workspaceId, role, person.id, person.fields.emails],
    );
    try {
      for (const text of [
        `{ people { edges { node { emails { primaryEmail } } } } }`,
        `{ companies { edges { node { people { edges { node { name { firstName } emails { primaryEmail } } } } } } } }`,
        `{ opportunities { edges { node { pointOfContact { emails { primaryEmail } } } } } }`,
        `{ people { countEmptyEmails } }`,
        `{ companies { edges { node { people { countNotEmptyEmails } } } } }`,
        `{ peopleGroupBy(groupBy: [{city: true}]) { percentageEmptyEmails } }`,
        `{ person(filter: {id: {eq: "${ids.john}"}}) { emails { primaryEmail } } }`,
        `{ personDuplicates(ids: ["${ids.john}"]) { edges { node { emails { primaryEmail } } } } }`,
      ]) {
        const res = await query(worker, token, text);
        expect(res.errors?.[0], text).toMatchObject(forbidden);
      }
      const fine = await read(worker, token, `{ people(filter: {name: {firstName: {eq: "John"}}}) { totalCount countNotEmptyCity edges { node { name { firstName } city company { name } } } } }`);
      expect(fine.people).toEqual({ totalCount: 1, countNotEmptyCity: 1, edges: [{ node: { name: { firstName: "John" }, city: "Paris", company: { name: "Acme" } } }] });
      const admin = await read(worker, a.apiKeyToken, `{ person(filter: {id: {eq: "${ids.john}"}}) { emails { primaryEmail } } }`);
      expect(admin.person.emails.primaryEmail).toBe("john@acme.com");
    } finally {
      await worker.db.sql.query(`DELETE FROM core."fieldPermission" WHERE "roleId" = $1`, [role]);
    }
  });
});

describe("role permissions on a relation field", () => {
  it("a MANY_TO_ONE field the role cannot read: its record and its join column are FORBIDDEN", async () => {
    const role = await roleId(worker, a.workspaceId, "Member");
    const person = await objectIds(worker, a.workspaceId, "person");
    const token = member.accessToken;
    await worker.db.sql.query(
      `INSERT INTO core."fieldPermission" ("workspaceId", "roleId", "objectMetadataId", "fieldMetadataId", "canReadFieldValue", "canUpdateFieldValue") VALUES ($1, $2, $3, $4, false, false)`,
      [a.workspaceId, role, person.id, person.fields.company],
    );
    try {
      for (const text of [`{ people { edges { node { company { name } } } } }`, `{ people { edges { node { companyId } } } }`, `{ companies { edges { node { people { edges { node { company { id } } } } } } } }`]) {
        const res = await query(worker, token, text);
        expect(res.errors?.[0], text).toMatchObject(forbidden);
      }
      const fine = await read(worker, token, `{ people(filter: {name: {firstName: {eq: "John"}}}) { edges { node { city } } } }`);
      expect(fine.people.edges).toEqual([{ node: { city: "Paris" } }]);
    } finally {
      await worker.db.sql.query(`DELETE FROM core."fieldPermission" WHERE "roleId" = $1`, [role]);
    }
  });
});

describe("grouping by a field the role cannot read", () => {
  it("is FORBIDDEN, as selecting it is (emails, and a relation's join column)", async () => {
    const role = await roleId(worker, a.workspaceId, "Member");
    const person = await objectIds(worker, a.workspaceId, "person");
    await worker.db.sql.query(
      `INSERT INTO core."fieldPermission" ("workspaceId", "roleId", "objectMetadataId", "fieldMetadataId", "canReadFieldValue", "canUpdateFieldValue") VALUES ($1, $2, $3, $4, false, false), ($1, $2, $3, $5, false, false)`,
      [a.workspaceId, role, person.id, person.fields.emails, person.fields.company],
    );
    try {
      for (const text of [`{ peopleGroupBy(groupBy: [{emails: {primaryEmail: true}}]) { groupByDimensionValues } }`, `{ peopleGroupBy(groupBy: [{company: {name: true}}]) { groupByDimensionValues } }`]) {
        const res = await query(worker, member.accessToken, text);
        expect(res.errors?.[0], text).toMatchObject(forbidden);
      }
    } finally {
      await worker.db.sql.query(`DELETE FROM core."fieldPermission" WHERE "roleId" = $1`, [role]);
    }
  });
});

describe("introspection and static operations on /graphql", () => {
  it("the workspace types, composites, enums and scalars", async () => {
    const data = await read(worker, a.apiKeyToken, `{ __schema { types { name kind } queryType { fields { name args { name type { name kind ofType { name } } } } } } }`);
    const kinds = Object.fromEntries(data.__schema.types.map((t: { name: string; kind: string }) => [t.name, t.kind]));
    expect(kinds).toMatchObject({
      Company: "OBJECT",
      CompanyConnection: "OBJECT",
      CompanyEdge: "OBJECT",
      CompanyGroupByConnection: "OBJECT",
      CompanyFilterInput: "INPUT_OBJECT",
      CompanyOrderByInput: "INPUT_OBJECT",
      OpportunityStageEnum: "ENUM",
      OpportunityStageEnumFilter: "INPUT_OBJECT",
      Links: "OBJECT",
      Currency: "OBJECT",
      FullName: "OBJECT",
      Emails: "OBJECT",
      Phones: "OBJECT",
      Address: "OBJECT",
      Actor: "OBJECT",
      RichText: "OBJECT",
      PageInfo: "OBJECT",
      StringFilter: "INPUT_OBJECT",
      UUIDFilter: "INPUT_OBJECT",
      DateTimeFilter: "INPUT_OBJECT",
      UUID: "SCALAR",
      DateTime: "SCALAR",
      Date: "SCALAR",
      BigFloat: "SCALAR",
      Position: "SCALAR",
      Cursor: "SCALAR",
      OrderByDirection: "ENUM",
      FilterIs: "ENUM",
    });
    const companies = data.__schema.queryType.fields.find((f: { name: string }) => f.name === "companies");
    expect(companies.args.map((arg: { name: string }) => arg.name)).toEqual(["first", "last", "offset", "before", "after", "filter", "orderBy"]);
    const names = data.__schema.queryType.fields.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(["companies", "company", "companiesGroupBy", "companyDuplicates", "people", "person", "personDuplicates", "opportunities", "search", "currentUser"]));
    expect(names).not.toContain("opportunityDuplicates");
  });

  it("type details: the stage enum, the filter input, the connection's aggregates", async () => {
    const data = await read(
      worker,
      a.apiKeyToken,
      `{ stage: __type(name: "OpportunityStageEnum") { enumValues { name } }
         filter: __type(name: "PersonFilterInput") { inputFields { name type { name } } }
         connection: __type(name: "OpportunityConnection") { fields { name type { name kind ofType { name } } } } }`,
    );
    expect(data.stage.enumValues.map((v: { name: string }) => v.name)).toEqual(["NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER"]);
    const filter = Object.fromEntries(data.filter.inputFields.map((f: { name: string; type: { name: string | null } }) => [f.name, f.type.name]));
    expect(filter).toMatchObject({ and: null, or: null, not: "PersonFilterInput", id: "UUIDFilter", name: "FullNameFilterInput", emails: "EmailsFilterInput", city: "StringFilter", companyId: "UUIDFilter", createdAt: "DateTimeFilter", searchVector: "TSVectorFilter", position: "FloatFilter" });
    const fields = Object.fromEntries(data.connection.fields.map((f: { name: string; type: { name: string | null; ofType: { name: string } | null } }) => [f.name, f.type.name ?? f.type.ofType?.name]));
    expect(fields).toMatchObject({ totalCount: "Int", sumAmountAmountMicros: "Float", minCloseDate: "DateTime", percentageEmptyStage: "Float", countUniqueValuesName: "Int", pageInfo: "PageInfo" });
  });

  it("currentUser and search still answer on /graphql", async () => {
    const me = await read(worker, a.accessToken, `{ currentUser { email } }`);
    expect(me.currentUser.email).toBe(a.email);
    const found = await read(worker, a.apiKeyToken, `{ search(searchInput: "gamma", limit: 5) { edges { node { recordId objectNameSingular } } } }`);
    expect(found.search.edges).toEqual([{ node: { recordId: ids.gamma, objectNameSingular: "company" } }]);
  });
});

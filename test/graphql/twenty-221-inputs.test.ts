import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { nodes, query, read, seedCrm, type Ids } from "./core-reads-fixture.ts";

/** Twenty 2.21's input shapes on /graphql: filters, orders and groups across a relation, regex refused, many sort keys. */
let worker: TestWorker;
let ws: WorkspaceFixture;
let other: WorkspaceFixture;
let ids: Ids;

const gqlRead = (text: string, variables: Record<string, unknown> = {}) => read(worker, ws.apiKeyToken, text, variables);
const firstNames = (connection: { edges: Array<{ node: { name: { firstName: string } } }> }) => nodes(connection).map((node) => node.name.firstName);

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "gql-221-inputs");
  other = await createWorkspace(worker, "gql-221-other");
  ids = await seedCrm(worker, ws);
});

afterAll(() => worker?.close());

describe("filters across a relation", () => {
  it("PersonFilterInput.company takes a CompanyFilterInput, and/or/not inside included", async () => {
    const acme = await gqlRead(`{ people(filter: {company: {name: {eq: "Acme"}}}) { edges { node { name { firstName } } } } }`);
    expect(firstNames(acme.people)).toEqual(["John"]);
    const either = await gqlRead(`{ people(filter: {company: {or: [{name: {eq: "Acme"}}, {address: {addressCity: {eq: "Berlin"}}}]}}, orderBy: [{position: AscNullsFirst}]) { edges { node { name { firstName } } } } }`);
    expect(firstNames(either.people)).toEqual(["John", "Jane"]);
    // Without a company, "not Acme" holds (as a left join reads it).
    const notAcme = await gqlRead(`{ people(filter: {company: {not: {name: {eq: "Acme"}}}}, orderBy: [{position: AscNullsFirst}]) { edges { node { name { firstName } } } } }`);
    expect(firstNames(notAcme.people)).toEqual(["Jane", "Phil"]);
  });

  it("runs as one statement; a second hop and an unknown related field are refused by name", async () => {
    const text = `{ people(filter: {company: {employees: {gte: 20}}}) { totalCount } }`;
    await gqlRead(text);
    const before = await worker.statementCount();
    expect((await gqlRead(text)).people.totalCount).toBe(1);
    expect((await worker.statementCount()) - before).toBe(1);
    const hop = await query(worker, ws.apiKeyToken, `{ opportunities(filter: {pointOfContact: {company: {name: {eq: "Acme"}}}}) { totalCount } }`);
    expect(hop.errors?.[0]).toMatchObject({ message: `"pointOfContact.company.name": only one relation can be followed`, extensions: { code: "BAD_USER_INPUT" } });
    expect(hop.data).toEqual({ opportunities: null });
  });

  it("another workspace's records are not reachable through the relation", async () => {
    const res = await read(worker, other.apiKeyToken, `{ people(filter: {company: {name: {eq: "Acme"}}}) { totalCount } }`);
    expect(res.people.totalCount).toBe(0);
  });
});

describe("orders across a relation", () => {
  it("orderBy [{company: {name: …}}] sorts by the related record, NULLs where asked, and pages with cursors", async () => {
    const all = await gqlRead(`{ people(orderBy: [{company: {name: AscNullsFirst}}]) { edges { node { name { firstName } } } } }`);
    expect(firstNames(all.people)).toEqual(["Phil", "John", "Jane"]);
    const first = await gqlRead(`{ people(first: 2, orderBy: [{company: {address: {addressCity: DescNullsLast}}}]) { edges { node { name { firstName } } } pageInfo { hasNextPage endCursor } } }`);
    expect(firstNames(first.people)).toEqual(["John", "Jane"]);
    expect(first.people.pageInfo.hasNextPage).toBe(true);
    const next = await gqlRead(`query($after: String) { people(first: 2, after: $after, orderBy: [{company: {address: {addressCity: DescNullsLast}}}]) { edges { node { name { firstName } } } pageInfo { hasNextPage hasPreviousPage } } }`, {
      after: first.people.pageInfo.endCursor,
    });
    expect(firstNames(next.people)).toEqual(["Phil"]);
    expect(next.people.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
  });

  it("more sort keys than json_build_object takes arguments are answered, not a 5xx; repeated keys count once", async () => {
    const person = ["avatarUrl", "city", "companyId", "createdAt", "deletedAt", "jobTitle", "phone", "position", "updatedAt", "name.firstName", "name.lastName", "emails.primaryEmail"]
      .concat(["linkedinLink", "xLink"].flatMap((f) => [`${f}.primaryLinkLabel`, `${f}.primaryLinkUrl`]))
      .concat(["primaryPhoneCallingCode", "primaryPhoneCountryCode", "primaryPhoneNumber"].map((sub) => `phones.${sub}`), ["name", "source", "workspaceMemberId"].map((sub) => `createdBy.${sub}`));
    const company = ["id", "accountOwnerId", "addressOld", "createdAt", "deletedAt", "createdBy.name", "createdBy.source", "createdBy.workspaceMemberId", "employees", "idealCustomerProfile", "name", "position", "updatedAt"]
      .concat(["addressCity", "addressCountry", "addressLat", "addressLng", "addressPostcode", "addressState", "addressStreet1", "addressStreet2"].map((sub) => `address.${sub}`))
      .concat(["amountMicros", "currencyCode"].map((sub) => `annualRecurringRevenue.${sub}`), ["domainName", "linkedinLink", "xLink"].flatMap((f) => [`${f}.primaryLinkLabel`, `${f}.primaryLinkUrl`]))
      .map((key) => `company.${key}`);
    // `company.name` first, descending: Beta Corp (Jane), Acme (John), none (Phil).
    const keys = ["company.name", ...person, ...company, "company.name"];
    expect(new Set(keys).size).toBeGreaterThan(50);
    const literal = (key: string) => key.split(".").reduceRight((inner, part) => `{${part}: ${inner}}`, key === "company.name" ? "DescNullsLast" : "AscNullsFirst");
    const orderBy = `[${keys.map(literal).join(", ")}]`;
    const res = await gqlRead(`{ people(first: 1, orderBy: ${orderBy}) { edges { cursor node { name { firstName } } } pageInfo { endCursor } } }`);
    expect(firstNames(res.people)).toEqual(["Jane"]);
    const next = await gqlRead(`query($after: String) { people(first: 5, after: $after, orderBy: ${orderBy}) { edges { node { name { firstName } } } } }`, { after: res.people.pageInfo.endCursor });
    expect(firstNames(next.people)).toEqual(["John", "Phil"]);
  });
});

describe("groups", () => {
  it("more aggregates than json_build_object takes arguments are answered, not a 5xx", async () => {
    const fields = ["Name", "Employees", "Address", "DomainName", "CreatedAt", "UpdatedAt", "DeletedAt", "Id", "Position", "LinkedinLink", "XLink", "CreatedBy", "AnnualRecurringRevenue"];
    const aggregates = fields.flatMap((f) => [`countEmpty${f}`, `countNotEmpty${f}`, `percentageEmpty${f}`, `percentageNotEmpty${f}`, `countUniqueValues${f}`]);
    expect(aggregates.length).toBeGreaterThan(50);
    const res = await gqlRead(`{ companiesGroupBy(groupBy: [{address: {addressCity: true}}]) { groupByDimensionValues totalCount ${aggregates.join(" ")} } }`);
    const paris = res.companiesGroupBy.find((group: { groupByDimensionValues: string[] }) => group.groupByDimensionValues[0] === "Paris");
    expect(paris).toMatchObject({ totalCount: 2, countUniqueValuesAddress: 2, countEmptyEmployees: 1, countUniqueValuesDomainName: 1, countNotEmptyDomainName: 1 });
    const connection = await gqlRead(`{ companies { totalCount countUniqueValuesAddress countEmptySearchVector countUniqueValuesCreatedBy } }`);
    expect(connection.companies).toEqual({ totalCount: 3, countUniqueValuesAddress: 3, countEmptySearchVector: 0, countUniqueValuesCreatedBy: 1 });
  });
});

describe("StringFilter.regex", () => {
  it("is in the schema, and using it is refused as 2.21 words it", async () => {
    for (const operator of ["regex", "iregex"]) {
      const res = await query(worker, ws.apiKeyToken, `{ companies(filter: {name: {${operator}: "^A"}}) { totalCount } }`);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "INVALID_FILTER_OPERATOR" });
      expect(res.errors?.[0]?.message).toBe(
        `Operator "${operator}" is not valid for field "name" of type TEXT - Allowed operators: eq, neq, in, nin, is, gt, gte, lt, lte, startsWith, endsWith, like, ilike`,
      );
    }
  });
});

describe("no token", () => {
  it("is refused before any input is read", async () => {
    const res = await query(worker, "", `{ people(filter: {company: {name: {eq: "Acme"}}}) { totalCount } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.people ?? null).toBeNull();
  });
});

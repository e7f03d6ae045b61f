import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

/**
 * A query of findMany/findOne fields only is answered with Postgres's JSON as is; anything else runs
 * graphql-js's completion. Adding a static field to the same query forces the second way: both answers must
 * be the same text, key order included.
 */
let worker: TestWorker;
let a: WorkspaceFixture;
const run = (text: string, variables: Record<string, unknown> = {}) => gql(worker, text, variables, { token: a.apiKeyToken, endpoint: "/graphql" });

beforeAll(async () => {
  worker = await startTestWorker();
  a = await createWorkspace(worker, "gql-shaped");
  const created = await run(`mutation {
    createCompanies(data: [
      {name: "Acme", employees: 50, idealCustomerProfile: true, address: {addressCity: "Paris", addressLat: 48.85}, domainName: {primaryLinkUrl: "acme.com"}, annualRecurringRevenue: {amountMicros: 1500000, currencyCode: "EUR"}},
      {name: "Globex", employees: 7, address: {addressCity: "Berlin"}}
    ]) { id }
  }`);
  expect(created.errors).toBeUndefined();
  const [acme] = created.data.createCompanies;
  const people = await run(`mutation($c: ID) { createPeople(data: [{name: {firstName: "Ada", lastName: "L"}, city: "Paris", companyId: $c}, {name: {firstName: "Bob", lastName: "M"}, companyId: $c}]) { id } }`, { c: acme.id });
  expect(people.errors).toBeUndefined();
  const opportunity = await run(`mutation($p: ID, $c: ID) { createOpportunity(data: {name: "Deal", stage: PROPOSAL, closeDate: "2025-03-01T10:00:00.000Z", amount: {amountMicros: 990000, currencyCode: "USD"}, pointOfContactId: $p, companyId: $c}) { id } }`, { p: people.data.createPeople[0].id, c: acme.id });
  expect(opportunity.errors).toBeUndefined();
});
afterAll(() => worker?.close());

const SELECTION = `
  __typename
  total: totalCount
  sumEmployees avgEmployees maxCreatedAt countTrueIdealCustomerProfile percentageEmptyName
  pageInfo { __typename end: endCursor hasNextPage startCursor hasPreviousPage }
  edges {
    __typename
    c: cursor
    node {
      ...Basic
      __typename
      where: address { city: addressCity __typename addressLat }
      arr: annualRecurringRevenue { currencyCode amountMicros }
      domainName { primaryLinkUrl }
      employees @include(if: $withEmployees)
      idealCustomerProfile @skip(if: $withEmployees)
      oldField
      accountOwner { id }
      people(first: 1, orderBy: [{name: {firstName: AscNullsLast}}]) {
        totalCount
        pageInfo { hasNextPage }
        edges { node { name { lastName firstName } city company { name } pointOfContactForOpportunities { edges { node { stage closeDate amount { amountMicros } } } } } }
      }
      everyone: people { edges { node { id } } }
    }
  }`;

describe("answers shaped by Postgres", () => {
  it("equal graphql-js's completion of the same selection, text for text", async () => {
    const variables = { withEmployees: true };
    const shaped = await run(`query($withEmployees: Boolean!) { companies(orderBy: [{name: AscNullsFirst}]) { ${SELECTION} } } fragment Basic on Company { id name }`, variables);
    const completed = await run(`query($withEmployees: Boolean!) { companies(orderBy: [{name: AscNullsFirst}]) { ${SELECTION} } currentWorkspace { id } } fragment Basic on Company { id name }`, variables);
    expect(shaped.errors).toBeUndefined();
    expect(completed.errors).toBeUndefined();
    expect(JSON.stringify(shaped.data.companies)).toBe(JSON.stringify(completed.data.companies));
    // The shape itself: what was asked, as asked.
    const acme = shaped.data.companies.edges[0].node;
    expect(Object.keys(acme)).toEqual(["id", "name", "__typename", "where", "arr", "domainName", "employees", "accountOwner", "people", "everyone", "oldField"]);
    expect(acme.where).toEqual({ city: "Paris", __typename: "Address", addressLat: 48.85 });
    expect(shaped.data.companies).toMatchObject({ __typename: "CompanyConnection", total: 2, sumEmployees: 57, countTrueIdealCustomerProfile: 1 });
    expect(acme.people.edges[0].node.pointOfContactForOpportunities.edges[0].node).toEqual({ stage: "PROPOSAL", closeDate: "2025-03-01T10:00:00.000Z", amount: { amountMicros: 990000 } });
  });

  it("findOne and several root fields too; errors stay per field", async () => {
    const text = (extra: string) => `{
      first: company(filter: {name: {eq: "Acme"}}) { name address { addressCity } }
      missing: company(filter: {name: {eq: "Nobody"}}) { name }
      people(filter: {city: {eq: "Paris"}}) { totalCount edges { node { name { firstName } } } }
      ${extra}
    }`;
    const shaped = await run(text(""));
    const completed = await run(text("currentWorkspace { id }"));
    expect(shaped.data).toEqual({ first: { name: "Acme", address: { addressCity: "Paris" } }, missing: null, people: { totalCount: 1, edges: [{ node: { name: { firstName: "Ada" } } }] } });
    expect(JSON.stringify({ ...completed.data, currentWorkspace: undefined })).toBe(JSON.stringify(shaped.data));
    expect(shaped.errors).toHaveLength(1);
    expect(shaped.errors![0]).toMatchObject({ message: "Record not found", path: ["missing"], extensions: { code: "NOT_FOUND" } });
    expect(completed.errors![0]).toMatchObject({ message: "Record not found", path: ["missing"] });
  });

  it("refuse bad variables as graphql-js does", async () => {
    const res = await run(`query($n: Int!) { companies(first: $n) { totalCount } }`, { n: "many" });
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("selections SQL cannot hold", () => {
  it("are BAD_USER_INPUT, not internal errors: over-long response keys, more than 50 keys in one edge, pageInfo or composite", async () => {
    const long = `k${"x".repeat(70)}`;
    const tooLong = await run(`{ companies { edges { node { ${long}: name } } } }`);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "INVALID_SELECTION" });
    const aliases = (field: string) => Array.from({ length: 51 }, (_, i) => `a${i}: ${field}`).join(" ");
    for (const text of [`{ companies { edges { ${aliases("cursor")} } } }`, `{ companies { pageInfo { ${aliases("hasNextPage")} } } }`, `{ companies { edges { node { address { ${aliases("addressCity")} } } } } }`]) {
      const res = await run(text);
      expect(res.errors?.[0]?.extensions, text.slice(0, 40)).toMatchObject({ code: "BAD_USER_INPUT", subCode: "INVALID_SELECTION" });
      expect(res.data).toEqual({ companies: null });
    }
    const fifty = await run(`{ companies { edges { node { address { ${Array.from({ length: 50 }, (_, i) => `a${i}: addressCity`).join(" ")} } } } } }`);
    expect(fifty.errors).toBeUndefined();
  });
});

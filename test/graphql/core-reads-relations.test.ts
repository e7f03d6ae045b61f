import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { batch, nodes, query, read, seedCrm, type Ids } from "./core-reads-fixture.ts";

/** Aggregates, nested relations (with their own arguments), aliases, fragments, directives, findOne, and the one-statement rule. */
let worker: TestWorker;
let ws: WorkspaceFixture;
let ids: Ids;

const gqlRead = (text: string, variables: Record<string, unknown> = {}) => read(worker, ws.apiKeyToken, text, variables);

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "gql-relations");
  ids = await seedCrm(worker, ws);
  // Acme: John Doe, Alice Smith, Bob Smith. Bob is the point of contact of Deal D (Beta's).
  const [alice, bob] = await batch(worker, ws.apiKeyToken, "people", [
    { name: { firstName: "Alice", lastName: "Smith" }, city: "Lyon", companyId: ids.acme, position: 4 },
    { name: { firstName: "Bob", lastName: "Smith" }, city: "Paris", companyId: ids.acme, position: 5 },
  ]);
  Object.assign(ids, { alice, bob });
  await batch(worker, ws.apiKeyToken, "opportunities", [
    { name: "Deal D", stage: "NEW", amount: { amountMicros: 1_000_000, currencyCode: "USD" }, closeDate: "2025-02-15T12:00:00.000Z", companyId: ids.beta, pointOfContactId: bob, position: 4 },
  ]);
});
afterAll(() => worker?.close());

describe("aggregates", () => {
  it("on companies: counts, emptiness, uniqueness, percentages, sums, averages, min/max, booleans", async () => {
    const data = await gqlRead(`{ companies {
      totalCount countEmptyEmployees countNotEmptyEmployees countUniqueValuesEmployees countUniqueValuesName
      percentageEmptyEmployees percentageNotEmptyEmployees sumEmployees avgEmployees minEmployees maxEmployees
      countTrueIdealCustomerProfile countFalseIdealCustomerProfile countEmptyAddress countNotEmptyDomainName
      sumAnnualRecurringRevenueAmountMicros minCreatedAt maxCreatedAt } }`);
    const { minCreatedAt, maxCreatedAt, percentageEmptyEmployees, percentageNotEmptyEmployees, ...rest } = data.companies;
    expect(rest).toEqual({
      totalCount: 3,
      countEmptyEmployees: 1,
      countNotEmptyEmployees: 2,
      countUniqueValuesEmployees: 2,
      countUniqueValuesName: 3,
      sumEmployees: 60,
      avgEmployees: 30,
      minEmployees: 10,
      maxEmployees: 50,
      countTrueIdealCustomerProfile: 1,
      countFalseIdealCustomerProfile: 2,
      countEmptyAddress: 0,
      countNotEmptyDomainName: 2,
      sumAnnualRecurringRevenueAmountMicros: 1_000_000_000,
    });
    expect(percentageEmptyEmployees).toBeCloseTo(1 / 3);
    expect(percentageNotEmptyEmployees).toBeCloseTo(2 / 3);
    expect(minCreatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(maxCreatedAt)).toBeGreaterThanOrEqual(Date.parse(minCreatedAt));
  });

  it("on opportunities: currency micros, dates; computed on the filtered set, ignoring the cursor and page", async () => {
    const all = await gqlRead(`{ opportunities { totalCount sumAmountAmountMicros avgAmountAmountMicros minAmountAmountMicros maxAmountAmountMicros minCloseDate maxCloseDate countEmptyCloseDate countEmptyAmount countUniqueValuesStage } }`);
    expect(all.opportunities).toEqual({
      totalCount: 4,
      sumAmountAmountMicros: 26_000_000,
      avgAmountAmountMicros: 26_000_000 / 3,
      minAmountAmountMicros: 1_000_000,
      maxAmountAmountMicros: 20_000_000,
      minCloseDate: "2025-01-10T10:00:00.000Z",
      maxCloseDate: "2025-03-01T00:00:00.000Z",
      countEmptyCloseDate: 1,
      countEmptyAmount: 1,
      countUniqueValuesStage: 3,
    });
    const q = `query($after: String) { opportunities(filter: {stage: {in: [NEW, MEETING]}}, first: 1, after: $after, orderBy: {name: AscNullsFirst}) {
      totalCount sumAmountAmountMicros maxCloseDate edges { node { name } } pageInfo { endCursor } } }`;
    const first = (await gqlRead(q)).opportunities;
    expect(first).toMatchObject({ totalCount: 3, sumAmountAmountMicros: 26_000_000, maxCloseDate: "2025-03-01T00:00:00.000Z", edges: [{ node: { name: "Deal A" } }] });
    const second = (await gqlRead(q, { after: first.pageInfo.endCursor })).opportunities;
    expect(second).toMatchObject({ totalCount: 3, sumAmountAmountMicros: 26_000_000, edges: [{ node: { name: "Deal B" } }] });
    const none = await gqlRead(`{ opportunities(filter: {name: {eq: "none"}}) { totalCount sumAmountAmountMicros minCloseDate percentageEmptyCloseDate } }`);
    expect(none.opportunities).toEqual({ totalCount: 0, sumAmountAmountMicros: null, minCloseDate: null, percentageEmptyCloseDate: null });
  });

  it("on nested connections, per parent and on the nested filter", async () => {
    const data = await gqlRead(`{ companies(orderBy: {name: AscNullsFirst}) { edges { node { name
      opportunities { totalCount sumAmountAmountMicros }
      people(filter: {city: {eq: "Paris"}}) { totalCount countNotEmptyJobTitle } } } } }`);
    expect(nodes(data.companies)).toEqual([
      { name: "Acme", opportunities: { totalCount: 2, sumAmountAmountMicros: 25_000_000 }, people: { totalCount: 2, countNotEmptyJobTitle: 1 } },
      { name: "Beta Corp", opportunities: { totalCount: 2, sumAmountAmountMicros: 1_000_000 }, people: { totalCount: 0, countNotEmptyJobTitle: 0 } },
      { name: "gamma labs", opportunities: { totalCount: 0, sumAmountAmountMicros: null }, people: { totalCount: 0, countNotEmptyJobTitle: 0 } },
    ]);
  });
});

const THREE_LEVELS = `query($peopleFilter: PersonFilterInput) { companies(filter: {name: {eq: "Acme"}}) { edges { node { name
  people(first: 1, orderBy: [{name: {firstName: DescNullsLast}}], filter: $peopleFilter) {
    totalCount pageInfo { hasNextPage }
    edges { node { name { firstName }
      pointOfContactForOpportunities(orderBy: {name: DescNullsLast}) { totalCount edges { node { name company { name } pointOfContact { name { firstName } } } } } } } } } } } }`;

describe("nested relations", () => {
  it("three levels, with first/orderBy/filter applied inside (not ignored as in Twenty 2.21)", async () => {
    const all = (await gqlRead(THREE_LEVELS)).companies.edges[0].node;
    expect(all.people.totalCount).toBe(3);
    expect(all.people.pageInfo.hasNextPage).toBe(true);
    expect(all.people.edges).toEqual([
      { node: { name: { firstName: "John" }, pointOfContactForOpportunities: { totalCount: 1, edges: [{ node: { name: "Deal A", company: { name: "Acme" }, pointOfContact: { name: { firstName: "John" } } } }] } } },
    ]);
    const smiths = (await gqlRead(THREE_LEVELS, { peopleFilter: { name: { lastName: { eq: "Smith" } } } })).companies.edges[0].node;
    expect(smiths.people.totalCount).toBe(2);
    expect(smiths.people.edges).toEqual([
      { node: { name: { firstName: "Bob" }, pointOfContactForOpportunities: { totalCount: 1, edges: [{ node: { name: "Deal D", company: { name: "Beta Corp" }, pointOfContact: { name: { firstName: "Bob" } } } }] } } },
    ]);
  });

  it("nested cursors page within the parent", async () => {
    const q = `query($after: String) { companies(filter: {id: {eq: "${ids.acme}"}}) { edges { node {
      people(first: 2, after: $after, orderBy: {name: {firstName: AscNullsFirst}}) { edges { node { name { firstName } } } pageInfo { hasNextPage hasPreviousPage endCursor } } } } } }`;
    const first = (await gqlRead(q)).companies.edges[0].node.people;
    expect(nodes<{ name: { firstName: string } }>(first).map((n) => n.name.firstName)).toEqual(["Alice", "Bob"]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await gqlRead(q, { after: first.pageInfo.endCursor })).companies.edges[0].node.people;
    expect(nodes<{ name: { firstName: string } }>(second).map((n) => n.name.firstName)).toEqual(["John"]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("MANY_TO_ONE records and join columns; no related record gives null", async () => {
    const data = await gqlRead(`{ people(orderBy: {position: AscNullsFirst}, first: 3) { edges { node { name { firstName } companyId company { id name address { addressCity } people { totalCount } } } } } }`);
    expect(nodes(data.people)).toEqual([
      { name: { firstName: "John" }, companyId: ids.acme, company: { id: ids.acme, name: "Acme", address: { addressCity: "Paris" }, people: { totalCount: 3 } } },
      { name: { firstName: "Jane" }, companyId: ids.beta, company: { id: ids.beta, name: "Beta Corp", address: { addressCity: "Berlin" }, people: { totalCount: 1 } } },
      { name: { firstName: "Phil" }, companyId: null, company: null },
    ]);
  });

  it("the same relation twice under aliases with different arguments gives two results", async () => {
    const data = await gqlRead(`{ companies(filter: {name: {eq: "Acme"}}) { edges { node {
      smiths: people(filter: {name: {lastName: {eq: "Smith"}}}) { totalCount }
      everyone: people { totalCount }
      firstOne: people(first: 1, orderBy: {name: {firstName: AscNullsLast}}) { edges { node { who: name { firstName } } } }
      lastOne: people(last: 1, orderBy: {name: {firstName: AscNullsLast}}) { edges { node { who: name { firstName } } } } } } }
      big: companies(filter: {employees: {gte: 20}}) { totalCount }
      small: companies(filter: {employees: {lt: 20}}) { totalCount } }`);
    expect(data.companies.edges[0].node).toEqual({
      smiths: { totalCount: 2 },
      everyone: { totalCount: 3 },
      firstOne: { edges: [{ node: { who: { firstName: "Alice" } } }] },
      lastOne: { edges: [{ node: { who: { firstName: "John" } } }] },
    });
    expect([data.big.totalCount, data.small.totalCount]).toEqual([1, 1]);
  });

  it("named and inline fragments, @skip and @include with variables", async () => {
    const q = `query($withPeople: Boolean!, $skipName: Boolean!) {
      companies(filter: {name: {eq: "Acme"}}) { ...Counts edges { node { ...Basics ... on Company { employees } people @include(if: $withPeople) { totalCount } name @skip(if: $skipName) } } } }
      fragment Counts on CompanyConnection { totalCount sumEmployees }
      fragment Basics on Company { id domainName { primaryLinkUrl } }`;
    const shown = await gqlRead(q, { withPeople: true, skipName: false });
    expect(shown.companies).toEqual({
      totalCount: 1,
      sumEmployees: 10,
      edges: [{ node: { id: ids.acme, domainName: { primaryLinkUrl: "https://acme.com" }, employees: 10, people: { totalCount: 3 }, name: "Acme" } }],
    });
    const hidden = await gqlRead(q, { withPeople: false, skipName: true });
    expect(hidden.companies.edges[0].node).toEqual({ id: ids.acme, domainName: { primaryLinkUrl: "https://acme.com" }, employees: 10 });
  });

  it("aliases inside connections, edges and pageInfo; fields merged from two selections of one key", async () => {
    const data = await gqlRead(`{ list: companies(filter: {name: {eq: "Acme"}}) { total: totalCount items: edges { c: cursor n: node { key: id people(first: 1) { totalCount } } }
      info: pageInfo { more: hasNextPage end: endCursor }
      items: edges { n: node { people(first: 1) { edges { node { id } } } } } } }`);
    const [item] = data.list.items;
    expect(data.list.total).toBe(1);
    expect(item.c).toBe(data.list.info.end);
    expect(item.n).toEqual({ key: ids.acme, people: { totalCount: 3, edges: [{ node: { id: expect.any(String) } }] } });
    expect(data.list.info.more).toBe(false);
  });

  it("variables in nested arguments", async () => {
    const q = `query($n: Int, $f: PersonFilterInput, $o: [PersonOrderByInput]) { company(filter: {name: {eq: "Acme"}}) { people(first: $n, filter: $f, orderBy: $o) { totalCount edges { node { city } } } } }`;
    const data = await gqlRead(q, { n: 1, f: { city: { in: ["Paris", "Lyon"] } }, o: [{ city: "AscNullsFirst" }] });
    expect(data.company.people).toEqual({ totalCount: 3, edges: [{ node: { city: "Lyon" } }] });
  });

  it("soft-deleted children are left out of nested connections unless the nested filter names deletedAt", async () => {
    const [ghost] = await batch(worker, ws.apiKeyToken, "people", [{ name: { firstName: "Ghost", lastName: "Smith" }, companyId: ids.acme }]);
    expect((await worker.json(`/rest/people/${ghost}`, { method: "DELETE", token: ws.apiKeyToken })).status).toBe(200);
    const data = await gqlRead(`{ company(filter: {name: {eq: "Acme"}}) { live: people { totalCount } gone: people(filter: {deletedAt: {is: NOT_NULL}}) { totalCount edges { node { id } } } } }`);
    expect(data.company).toEqual({ live: { totalCount: 3 }, gone: { totalCount: 1, edges: [{ node: { id: ghost } }] } });
  });

  it("an unknown field inside a record answers null (README decision, for clients of older Twenty versions)", async () => {
    const data = await gqlRead(`{ companies(filter: {name: {eq: "Acme"}}) { edges { node { name noSuchField } } } }`);
    expect(data.companies.edges).toEqual([{ node: { name: "Acme", noSuchField: null } }]);
  });

  it("__typename anywhere", async () => {
    const data = await gqlRead(`{ companies(first: 1, filter: {name: {eq: "Acme"}}) { __typename edges { __typename node { __typename name people(first: 1) { __typename edges { node { __typename } } } } } pageInfo { __typename } } }`);
    expect(data.companies).toEqual({
      __typename: "CompanyConnection",
      edges: [{ __typename: "CompanyEdge", node: { __typename: "Company", name: "Acme", people: { __typename: "PersonConnection", edges: [{ node: { __typename: "Person" } }] } } }],
      pageInfo: { __typename: "PageInfo" },
    });
  });
});

describe("one SQL statement per query", () => {
  it("companies → people → opportunities → point of contact: ONE statement, the caller check included", async () => {
    const q = `{ companies { edges { node { people { edges { node { pointOfContactForOpportunities { edges { node { pointOfContact { name { firstName } } } } } } } } } } } }`;
    await gqlRead(q);
    const before = await worker.statementCount();
    const data = await gqlRead(q);
    expect((await worker.statementCount()) - before).toBe(1);
    const pocs = nodes<any>(data.companies).flatMap((c) => nodes<any>(c.people).flatMap((p) => nodes<any>(p.pointOfContactForOpportunities).map((o) => o.pointOfContact.name.firstName)));
    expect(pocs.sort()).toEqual(["Bob", "Jane", "John"]);
  });

  it("aggregates, pageInfo, cursors and a findOne are still one statement each", async () => {
    const q = `{ companies(first: 2, orderBy: {employees: DescNullsLast}) { totalCount sumEmployees edges { cursor node { name opportunities(first: 1) { totalCount pageInfo { hasNextPage } } } } pageInfo { hasNextPage endCursor } } }`;
    await gqlRead(q);
    let before = await worker.statementCount();
    await gqlRead(q);
    expect((await worker.statementCount()) - before).toBe(1);
    before = await worker.statementCount();
    await gqlRead(`{ company(filter: {id: {eq: "${ids.acme}"}}) { name people { totalCount } } }`);
    expect((await worker.statementCount()) - before).toBe(1);
  });
});

describe("findOne", () => {
  it("by id, with relations", async () => {
    const data = await gqlRead(`query($id: UUID!) { company(filter: {id: {eq: $id}}) { id name employees people(orderBy: {name: {firstName: AscNullsFirst}}) { edges { node { name { firstName } } } } } }`, { id: ids.acme });
    expect(data.company).toEqual({
      id: ids.acme,
      name: "Acme",
      employees: 10,
      people: { edges: [{ node: { name: { firstName: "Alice" } } }, { node: { name: { firstName: "Bob" } } }, { node: { name: { firstName: "John" } } }] },
    });
    const byName = await gqlRead(`{ person(filter: {name: {firstName: {eq: "Jane"}}}) { id company { name } } }`);
    expect(byName.person).toEqual({ id: ids.jane, company: { name: "Beta Corp" } });
  });

  it("no match: NOT_FOUND 'Record not found' and data.company null; soft-deleted only when asked", async () => {
    for (const id of [crypto.randomUUID(), ids.gone]) {
      const res = await query(worker, ws.apiKeyToken, `query($id: UUID!) { company(filter: {id: {eq: $id}}) { id name } }`, { id });
      expect(res.status).toBe(200);
      expect(res.data).toEqual({ company: null });
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]).toMatchObject({ message: "Record not found", extensions: { code: "NOT_FOUND" } });
    }
    const gone = await gqlRead(`query($id: UUID!) { company(filter: {id: {eq: $id}, deletedAt: {is: NOT_NULL}}) { name } }`, { id: ids.gone });
    expect(gone.company).toEqual({ name: "Gone Inc" });
  });
});

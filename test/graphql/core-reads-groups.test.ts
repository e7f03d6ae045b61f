import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { batch, query, read, seedCrm, type Ids } from "./core-reads-fixture.ts";

/** `*GroupBy` (§2.9) and `*Duplicates` (§2.10) on /graphql. */
let worker: TestWorker;
let ws: WorkspaceFixture;
let ids: Ids;

const gqlRead = (text: string, variables: Record<string, unknown> = {}) => read(worker, ws.apiKeyToken, text, variables);

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "gql-groups");
  ids = await seedCrm(worker, ws);
  // People by city: Paris (John, Bob), Berlin (Jane), Lyon (Alice), empty (Phil). A second John Doe, in Lyon.
  const [alice, bob, john2] = await batch(worker, ws.apiKeyToken, "people", [
    { name: { firstName: "Alice", lastName: "Smith" }, city: "Lyon", jobTitle: "CFO", companyId: ids.acme, position: 4 },
    { name: { firstName: "Bob", lastName: "Smith" }, city: "Paris", companyId: ids.acme, position: 5 },
    { name: { firstName: "John", lastName: "Doe" }, city: "Lyon", position: 6 },
  ]);
  Object.assign(ids, { alice, bob, john2 });
  await batch(worker, ws.apiKeyToken, "opportunities", [
    { name: "Deal D", stage: "NEW", amount: { amountMicros: 1_000_000, currencyCode: "USD" }, closeDate: "2025-01-20T23:30:00.000Z", companyId: ids.beta, position: 4 },
  ]);
});
afterAll(() => worker?.close());

type Group = { groupByDimensionValues: Array<string | null>; [key: string]: unknown };
const byDimension = (groups: Group[]) => Object.fromEntries(groups.map(({ groupByDimensionValues, ...rest }) => [groupByDimensionValues.join("/"), rest]));

describe("groupBy", () => {
  it("peopleGroupBy by city: totalCount, aggregates, dimension values, edges", async () => {
    const data = await gqlRead(`{ peopleGroupBy(groupBy: [{city: true}], orderByForRecords: [{name: {firstName: AscNullsFirst}}]) {
      groupByDimensionValues totalCount countNotEmptyJobTitle edges { node { name { firstName } } } } }`);
    expect(byDimension(data.peopleGroupBy)).toEqual({
      Paris: { totalCount: 2, countNotEmptyJobTitle: 1, edges: [{ node: { name: { firstName: "Bob" } } }, { node: { name: { firstName: "John" } } }] },
      Lyon: { totalCount: 2, countNotEmptyJobTitle: 1, edges: [{ node: { name: { firstName: "Alice" } } }, { node: { name: { firstName: "John" } } }] },
      Berlin: { totalCount: 1, countNotEmptyJobTitle: 1, edges: [{ node: { name: { firstName: "Jane" } } }] },
      // An empty text group's dimension is null (Twenty 2.21).
      "": { totalCount: 1, countNotEmptyJobTitle: 0, edges: [{ node: { name: { firstName: "Phil" } } }] },
    });
    expect(data.peopleGroupBy.find((g: Group) => g.groupByDimensionValues[0] === null)).toBeDefined();
  });

  it("filter, orderBy an aggregate then a dimension, limit", async () => {
    const ordered = await gqlRead(`{ peopleGroupBy(groupBy: [{city: true}], filter: {city: {neq: "Berlin"}}, orderBy: [{aggregate: {totalCount: DescNullsLast}}, {city: AscNullsLast}]) { groupByDimensionValues totalCount } }`);
    expect(ordered.peopleGroupBy).toEqual([
      { groupByDimensionValues: ["Lyon"], totalCount: 2 },
      { groupByDimensionValues: ["Paris"], totalCount: 2 },
      { groupByDimensionValues: [null], totalCount: 1 },
    ]);
    const limited = await gqlRead(`{ peopleGroupBy(groupBy: [{city: true}], orderBy: [{city: DescNullsLast}], limit: 2) { groupByDimensionValues } }`);
    expect(limited.peopleGroupBy).toEqual([{ groupByDimensionValues: ["Paris"] }, { groupByDimensionValues: ["Lyon"] }]);
  });

  it("by stage with currency and date aggregates; by a join column and a composite sub-field", async () => {
    const stages = await gqlRead(`{ opportunitiesGroupBy(groupBy: [{stage: true}], orderBy: [{stage: AscNullsFirst}]) { groupByDimensionValues totalCount sumAmountAmountMicros minCloseDate maxCloseDate } }`);
    expect(stages.opportunitiesGroupBy).toEqual([
      { groupByDimensionValues: ["CUSTOMER"], totalCount: 1, sumAmountAmountMicros: null, minCloseDate: null, maxCloseDate: null },
      { groupByDimensionValues: ["MEETING"], totalCount: 1, sumAmountAmountMicros: 20_000_000, minCloseDate: "2025-03-01T00:00:00.000Z", maxCloseDate: "2025-03-01T00:00:00.000Z" },
      { groupByDimensionValues: ["NEW"], totalCount: 2, sumAmountAmountMicros: 6_000_000, minCloseDate: "2025-01-10T10:00:00.000Z", maxCloseDate: "2025-01-20T23:30:00.000Z" },
    ]);
    // Across the relation, as 2.21 (its GroupByInput has no join columns); ordered by the related name.
    const byCompany = await gqlRead(
      `{ peopleGroupBy(groupBy: [{company: {name: true}}], orderBy: [{company: {name: DescNullsLast}}]) { groupByDimensionValues totalCount } }`,
    );
    expect(byCompany.peopleGroupBy).toEqual([
      { groupByDimensionValues: ["Beta Corp"], totalCount: 1 },
      { groupByDimensionValues: ["Acme"], totalCount: 3 },
      { groupByDimensionValues: [null], totalCount: 2 },
    ]);
    const byCity = await gqlRead(`{ companiesGroupBy(groupBy: [{address: {addressCity: true}}]) { groupByDimensionValues totalCount sumEmployees } }`);
    expect(byDimension(byCity.companiesGroupBy)).toEqual({ Paris: { totalCount: 2, sumEmployees: 10 }, Berlin: { totalCount: 1, sumEmployees: 50 } });
  });

  it("date granularities, with a time zone", async () => {
    const month = await gqlRead(`{ opportunitiesGroupBy(groupBy: [{closeDate: {granularity: MONTH}}], orderBy: [{closeDate: {orderBy: AscNullsLast, granularity: MONTH}}]) { groupByDimensionValues totalCount } }`);
    expect(month.opportunitiesGroupBy).toEqual([
      { groupByDimensionValues: ["2025-01-01"], totalCount: 2 },
      { groupByDimensionValues: ["2025-03-01"], totalCount: 1 },
      { groupByDimensionValues: [null], totalCount: 1 },
    ]);
    // 2025-01-20T23:30Z is already the 21st in Paris.
    const days = await gqlRead(`{ opportunitiesGroupBy(groupBy: [{closeDate: {granularity: DAY, timeZone: "Europe/Paris"}}], filter: {closeDate: {is: NOT_NULL}}) { groupByDimensionValues } }`);
    expect(days.opportunitiesGroupBy.map((g: Group) => g.groupByDimensionValues[0]).sort()).toEqual(["2025-01-10", "2025-01-21", "2025-03-01"]);
    const weekday = await gqlRead(`{ opportunitiesGroupBy(groupBy: [{closeDate: {granularity: DAY_OF_THE_WEEK}}, {stage: true}], filter: {closeDate: {is: NOT_NULL}}) { groupByDimensionValues totalCount } }`);
    expect(byDimension(weekday.opportunitiesGroupBy)).toEqual({ "Friday/NEW": { totalCount: 1 }, "Monday/NEW": { totalCount: 1 }, "Saturday/MEETING": { totalCount: 1 } });
    const quarter = await gqlRead(`{ opportunitiesGroupBy(groupBy: [{closeDate: {granularity: QUARTER_OF_THE_YEAR}}], filter: {closeDate: {is: NOT_NULL}}) { groupByDimensionValues totalCount } }`);
    expect(quarter.opportunitiesGroupBy).toEqual([{ groupByDimensionValues: ["Q1"], totalCount: 3 }]);
  });

  it("group records with relations, nested connections and cursors", async () => {
    const data = await gqlRead(`{ opportunitiesGroupBy(groupBy: [{stage: true}], filter: {stage: {eq: NEW}}, orderByForRecords: [{name: DescNullsLast}]) {
      groupByDimensionValues edges { cursor node { name company { name people(first: 1, orderBy: {name: {firstName: AscNullsFirst}}) { totalCount edges { node { name { firstName } } } } } } } } }`);
    expect(data.opportunitiesGroupBy).toEqual([
      {
        groupByDimensionValues: ["NEW"],
        edges: [
          { cursor: expect.any(String), node: { name: "Deal D", company: { name: "Beta Corp", people: { totalCount: 1, edges: [{ node: { name: { firstName: "Jane" } } }] } } } },
          { cursor: expect.any(String), node: { name: "Deal A", company: { name: "Acme", people: { totalCount: 3, edges: [{ node: { name: { firstName: "Alice" } } }] } } } },
        ],
      },
    ]);
  });

  it("a group-by and a duplicates query are one statement each, the caller check included", async () => {
    const group = `{ peopleGroupBy(groupBy: [{city: true}]) { totalCount edges { node { company { name } } } } }`;
    const dupes = `{ personDuplicates(ids: ["${ids.john}"]) { totalCount edges { node { id company { name } } } } }`;
    for (const text of [group, dupes]) {
      await gqlRead(text);
      const before = await worker.statementCount();
      await gqlRead(text);
      expect((await worker.statementCount()) - before, text).toBe(1);
    }
  });

  it("offsetForRecords skips the first records of each group", async () => {
    const data = await gqlRead(`{ peopleGroupBy(groupBy: [{city: true}], filter: {city: {eq: "Paris"}}, orderByForRecords: [{name: {firstName: AscNullsFirst}}], offsetForRecords: 1) { edges { node { name { firstName } } } } }`);
    expect(data.peopleGroupBy).toEqual([{ edges: [{ node: { name: { firstName: "John" } } }] }]);
  });

  it("bad group-by input is BAD_USER_INPUT with data null", async () => {
    const two = await query(worker, ws.apiKeyToken, `{ peopleGroupBy(groupBy: [{city: true, jobTitle: true}]) { totalCount } }`);
    expect(two.data).toEqual({ peopleGroupBy: null });
    expect(two.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "INVALID_GROUP_BY" });
    const zone = await query(worker, ws.apiKeyToken, `{ opportunitiesGroupBy(groupBy: [{closeDate: {granularity: DAY, timeZone: "Mars/Olympus"}}]) { totalCount } }`);
    expect(zone.errors?.[0]).toMatchObject({ message: 'Unknown time zone "Mars/Olympus"', extensions: { code: "BAD_USER_INPUT" } });
  });
});

describe("duplicates", () => {
  const PERSON_DUPLICATES = `query($ids: [UUID], $data: [PersonCreateInput]) { personDuplicates(ids: $ids, data: $data) { totalCount edges { node { id } } } }`;

  it("by data: two John Doe → totalCount 2 (found without selecting the criteria fields)", async () => {
    const data = await gqlRead(PERSON_DUPLICATES, { data: [{ name: { firstName: "John", lastName: "Doe" } }] });
    expect(data.personDuplicates).toHaveLength(1);
    expect(data.personDuplicates[0].totalCount).toBe(2);
    expect(data.personDuplicates[0].edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual([ids.john, ids.john2].sort());
  });

  it("by ids: the record itself is left out; one connection per id, in order; [] gives []", async () => {
    const one = await gqlRead(PERSON_DUPLICATES, { ids: [ids.john] });
    expect(one.personDuplicates).toEqual([{ totalCount: 1, edges: [{ node: { id: ids.john2 } }] }]);
    const two = await gqlRead(PERSON_DUPLICATES, { ids: [ids.john2, ids.jane] });
    expect(two.personDuplicates).toEqual([
      { totalCount: 1, edges: [{ node: { id: ids.john } }] },
      { totalCount: 0, edges: [] },
    ]);
    expect((await gqlRead(PERSON_DUPLICATES, { ids: [] })).personDuplicates).toEqual([]);
  });

  it("companyDuplicates by name or domain; by email for people", async () => {
    const companies = await gqlRead(`{ companyDuplicates(data: [{name: "Acme"}, {domainName: {primaryLinkUrl: "https://beta.io"}}, {name: "Nobody"}]) { totalCount edges { node { name } } } }`);
    expect(companies.companyDuplicates).toEqual([
      { totalCount: 1, edges: [{ node: { name: "Acme" } }] },
      { totalCount: 1, edges: [{ node: { name: "Beta Corp" } }] },
      { totalCount: 0, edges: [] },
    ]);
    const byEmail = await gqlRead(PERSON_DUPLICATES, { data: [{ emails: { primaryEmail: "jane@beta.io" } }] });
    expect(byEmail.personDuplicates).toEqual([{ totalCount: 1, edges: [{ node: { id: ids.jane } }] }]);
  });

  it("neither ids nor data, or both: BAD_USER_INPUT", async () => {
    for (const vars of [{}, { ids: [ids.john], data: [{ name: { firstName: "x" } }] }]) {
      const res = await query(worker, ws.apiKeyToken, PERSON_DUPLICATES, vars);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe("BAD_USER_INPUT");
      expect(res.data).toEqual({ personDuplicates: null });
    }
  });
});

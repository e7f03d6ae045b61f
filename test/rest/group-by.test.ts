import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let companies: string[];
const rest = (path: string, init: Parameters<TestWorker["json"]>[1] = {}) => worker.json(path, { token: ws.apiKeyToken, ...init });
const q = (params: Record<string, unknown>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === "string" ? v : JSON.stringify(v))}`)
    .join("&");

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "groups");
  companies = (await rest("/rest/batch/companies", { method: "POST", body: [{ name: "C1" }, { name: "C2" }] })).body.data.createCompanies.map((c: { id: string }) => c.id);
  const opportunities = [
    { name: "Opportunity 1", stage: "NEW", amount: { amountMicros: 1000000000000, currencyCode: "USD" }, closeDate: "2025-02-05T10:00:00Z", companyId: companies[0] },
    { name: "Opportunity 2", stage: "NEW", amount: { amountMicros: 2000000000000, currencyCode: "USD" }, closeDate: "2025-02-06T10:00:00Z", companyId: companies[0] },
    { name: "Opportunity 3", stage: "NEW", amount: { amountMicros: 3000000000000, currencyCode: "USD" }, closeDate: "2025-02-06T10:00:00Z", companyId: companies[1] },
    { name: "Opportunity 4", stage: "SCREENING", amount: { amountMicros: 4000000000000, currencyCode: "USD" }, closeDate: "2025-02-06T10:00:00Z", companyId: companies[1] },
  ];
  expect((await rest("/rest/batch/opportunities", { method: "POST", body: opportunities })).status).toBe(201);
});
afterAll(() => worker?.close());

describe("GET /rest/<plural>/groupBy (Twenty T9)", () => {
  it("currency aggregates are numbers (2.21's Float), counts text in REST and Int in GraphQL", async () => {
    const aggregate = ["totalCount", "sumAmountAmountMicros", "avgAmountAmountMicros", "minAmountAmountMicros", "maxAmountAmountMicros"];
    const res = await rest(`/rest/opportunities/groupBy?${q({ group_by: [{ stage: true }], aggregate, order_by: [{ stage: "AscNullsFirst" }] })}`);
    expect(res.body).toEqual([
      { groupByDimensionValues: ["NEW"], totalCount: "3", sumAmountAmountMicros: 6000000000000, avgAmountAmountMicros: 2000000000000, minAmountAmountMicros: 1000000000000, maxAmountAmountMicros: 3000000000000 },
      { groupByDimensionValues: ["SCREENING"], totalCount: "1", sumAmountAmountMicros: 4000000000000, avgAmountAmountMicros: 4000000000000, minAmountAmountMicros: 4000000000000, maxAmountAmountMicros: 4000000000000 },
    ]);
    const viaGraphQL = await gql(
      worker,
      `{ opportunitiesGroupBy(groupBy: [{ amount: { currencyCode: true } }]) { groupByDimensionValues totalCount sumAmountAmountMicros avgAmountAmountMicros } }`,
      {},
      { token: ws.apiKeyToken, endpoint: "/graphql" },
    );
    expect(viaGraphQL.data.opportunitiesGroupBy).toEqual([{ groupByDimensionValues: ["USD"], totalCount: 4, sumAmountAmountMicros: 10000000000000, avgAmountAmountMicros: 2500000000000 }]);
  });

  it("groups by weekday and stage with a max aggregate and record samples", async () => {
    const res = await rest(
      `/rest/opportunities/groupBy?${q({
        group_by: [{ closeDate: { granularity: "DAY_OF_THE_WEEK" } }, { stage: true }],
        aggregate: ["maxAmountAmountMicros", "totalCount"],
        include_records_sample: "true",
        order_by_for_records: "name[AscNullsFirst]",
      })}`,
    );
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    const byKey = Object.fromEntries(res.body.map((g: { groupByDimensionValues: string[] }) => [g.groupByDimensionValues.join("/"), g]));
    expect(Object.keys(byKey).sort()).toEqual(["Thursday/NEW", "Thursday/SCREENING", "Wednesday/NEW"]);
    expect(byKey["Wednesday/NEW"]).toMatchObject({ maxAmountAmountMicros: 1000000000000, totalCount: "1" });
    expect(byKey["Thursday/NEW"].records.map((r: { name: string }) => r.name)).toEqual(["Opportunity 2", "Opportunity 3"]);
    expect(byKey["Thursday/NEW"].maxAmountAmountMicros).toBe(3000000000000);
    expect(Object.keys(byKey["Thursday/NEW"])).toEqual(["groupByDimensionValues", "maxAmountAmountMicros", "totalCount", "records"]);
    const desc = await rest(
      `/rest/opportunities/groupBy?${q({ group_by: [{ stage: true }], include_records_sample: "true", order_by_for_records: "name[DescNullsFirst]", filter: "stage[eq]:NEW" })}`,
    );
    expect(desc.body).toHaveLength(1);
    expect(desc.body[0].records.map((r: { name: string }) => r.name)).toEqual(["Opportunity 3", "Opportunity 2", "Opportunity 1"]);
  });

  it("orders groups by an aggregate, groups by join column, sub-field and date granularity with a time zone", async () => {
    const ordered = await rest(`/rest/opportunities/groupBy?${q({ group_by: [{ stage: true }], aggregate: ["totalCount", "sumAmountAmountMicros"], order_by: [{ aggregate: { totalCount: "DescNullsLast" } }] })}`);
    expect(ordered.body.map((g: { groupByDimensionValues: string[]; totalCount: string; sumAmountAmountMicros: number }) => [g.groupByDimensionValues[0], g.totalCount, g.sumAmountAmountMicros])).toEqual([
      ["NEW", "3", 6000000000000],
      ["SCREENING", "1", 4000000000000],
    ]);
    const byCompany = await rest(`/rest/opportunities/groupBy?${q({ group_by: [{ companyId: true }], aggregate: ["totalCount"] })}`);
    expect(byCompany.body.map((g: { groupByDimensionValues: string[] }) => g.groupByDimensionValues[0]).sort()).toEqual([...companies].sort());
    const byCurrency = await rest(`/rest/opportunities/groupBy?${q({ group_by: [{ amount: { currencyCode: true } }], aggregate: ["totalCount"] })}`);
    expect(byCurrency.body).toEqual([{ groupByDimensionValues: ["USD"], totalCount: "4" }]);
    const month = await rest(`/rest/opportunities/groupBy?${q({ group_by: [{ closeDate: { granularity: "MONTH", timeZone: "Pacific/Auckland" } }], aggregate: ["totalCount"] })}`);
    expect(month.body).toEqual([{ groupByDimensionValues: ["2025-02-01"], totalCount: "4" }]);
    const quarter = await rest(`/rest/opportunities/groupBy?${q({ group_by: [{ closeDate: { granularity: "QUARTER_OF_THE_YEAR" } }] })}`);
    expect(quarter.body).toEqual([{ groupByDimensionValues: ["Q1"] }]);
    const empty = await rest(`/rest/companies/groupBy?${q({ group_by: [{ tagline: true }] })}`);
    expect(empty.status).toBe(400);
  });

  it("bad input", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'Invalid group_by query parameter - should be a valid array of objects - ex: [{"stage":true},{"closeDate":{"granularity":"DAY"}}]'],
      [{ group_by: "not json" }, 'Invalid group_by query parameter - should be a valid array of objects - ex: [{"stage":true},{"closeDate":{"granularity":"DAY"}}]'],
      [{ group_by: [{ stage: true }], aggregate: ["maxStage"] }, 'Unknown aggregate "maxStage" for opportunity, e.g. totalCount, countNotEmptyId'],
      [{ group_by: [{ stage: true, name: true }] }, 'Each group_by entry names one field, e.g. {"stage": true}'],
      [{ group_by: [{ closeDate: { granularity: "WEEKDAY" } }] }, "granularity must be one of NONE, DAY, WEEK, MONTH, QUARTER, YEAR, DAY_OF_THE_WEEK, MONTH_OF_THE_YEAR, QUARTER_OF_THE_YEAR"],
      [{ group_by: [{ closeDate: { granularity: "DAY", timeZone: "Mars/Olympus" } }] }, 'Unknown time zone "Mars/Olympus"'],
      [{ group_by: [{ stage: true }], order_by: [{ stage: "AscNullsFirst", name: "DescNullsLast" }] }, "Please provide orderBy field criteria one by one in orderBy array"],
      [{ group_by: [{ stage: true }], viewId: "x" }, 'Unknown query parameter "viewId". Allowed parameters: group_by, aggregate, filter, order_by, order_by_for_records, include_records_sample, limit, filter[field][op]'],
    ];
    for (const [params, message] of cases) {
      const res = await rest(`/rest/opportunities/groupBy?${q(params)}`);
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(res.body.messages).toEqual([message]);
    }
  });
});

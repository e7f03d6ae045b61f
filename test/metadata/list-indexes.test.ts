import { readFile } from "node:fs/promises";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { buildStandardMetadata } from "../../src/metadata/provisioning/build-standard-metadata.ts";
import { standardObjects } from "../../src/metadata/standard-objects/index.ts";
import { WorkspaceMetadata } from "../../src/metadata/workspace-metadata.ts";
import { RecordAccess } from "../../src/query/access.ts";
import type { ConnectionPlan } from "../../src/query/connection.ts";
import { resolveAggregates } from "../../src/query/plan/aggregates.ts";
import { planFilter } from "../../src/query/plan/plan-filter.ts";
import { planOrder } from "../../src/query/plan/plan-order.ts";
import { parseRestFilter } from "../../src/query/rest/filter-grammar.ts";
import { parseOrderBy } from "../../src/query/rest/order-grammar.ts";
import { selectionForDepth } from "../../src/query/selection.ts";
import { connectionSql } from "../../src/query/sql/connection-sql.ts";
import { createScope } from "../../src/query/sql/where.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let schema: string;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "indexes");
  schema = (await worker.db.sql.query(`SELECT "schemaName" FROM core.workspace WHERE id = $1`, [ws.workspaceId])).rows[0].schemaName;
});
afterAll(() => worker?.close());

const definitions = async (table: string): Promise<string[]> =>
  (await worker.db.sql.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`, [schema, table])).rows.map((row) => row.indexdef);
const listIndex = (column: string) => `USING btree (${column} NULLS FIRST, id) WHERE ("deletedAt" IS NULL)`;
const hasIndex = (defs: string[], fragment: string) => defs.some((def) => def.includes(fragment));

describe("list indexes", () => {
  it("come with every standard table: position and createdAt, (key, id) among live rows; none on the label identifier", async () => {
    const company = await definitions("company");
    for (const column of [`"position"`, `"createdAt"`]) expect(hasIndex(company, listIndex(column))).toBe(true);
    expect(hasIndex(company, listIndex("name"))).toBe(false);
    const person = await definitions("person");
    expect(hasIndex(person, listIndex(`"position"`))).toBe(true);
    expect(hasIndex(person, `USING btree ("companyId")`)).toBe(true);
  });

  it("come with a custom object's table", async () => {
    const created = await gql(
      worker,
      `mutation { createOneObject(input: { object: { nameSingular: "rocket", namePlural: "rockets", labelSingular: "Rocket", labelPlural: "Rockets", icon: "IconRocket" } }) { id } }`,
      {},
      { token: ws.accessToken },
    );
    expect(created.errors).toBeUndefined();
    const rocket = await definitions("_rocket");
    for (const column of [`"position"`, `"createdAt"`]) expect(hasIndex(rocket, listIndex(column))).toBe(true);
  });

  it("are added to workspaces created before them by the migration, once", async () => {
    const migration = await readFile(new URL("../../migrations/0006_list_indexes.sql", import.meta.url), "utf8");
    const before = await definitions("company");
    const names = (await worker.db.sql.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'company'`, [schema])).rows
      .filter((row) => row.indexdef.includes("NULLS FIRST, id)"))
      .map((row) => row.indexname);
    expect(names).toHaveLength(2);
    for (const name of names) await worker.db.sql.query(`DROP INDEX "${schema}"."${name}"`);
    await worker.db.sql.query(migration);
    await worker.db.sql.query(migration);
    expect((await definitions("company")).length).toBe(before.length);
    for (const column of [`"position"`, `"createdAt"`]) expect(hasIndex(await definitions("company"), listIndex(column))).toBe(true);
  });
});

describe("the planner on 20,000 companies", () => {
  const metadataOf = () => new WorkspaceMetadata(ws.workspaceId, schema, 1, buildStandardMetadata(standardObjects));
  const compile = (objectName: string, options: { filter?: string; orderBy?: string; cursor?: Array<string | null>; total?: boolean }) => {
    const metadata = metadataOf();
    const object = metadata.objectsBySingular.get(objectName)!;
    const everything = RecordAccess.everything;
    const page: ConnectionPlan = {
      object,
      orders: planOrder(metadata, object, parseOrderBy(options.orderBy ?? ""), everything),
      limit: 60,
      backward: false,
      ...(options.filter ? { filter: planFilter(metadata, object, parseRestFilter(options.filter), "text", everything) } : {}),
      ...(options.cursor ? { cursor: options.cursor } : {}),
      outputs: [
        { kind: "edges", key: "edges", items: [{ kind: "node", key: "node", selection: selectionForDepth(metadata, object, 0, everything) }] },
        { kind: "pageInfo", key: "pageInfo" },
        ...(options.total ? [{ kind: "aggregate" as const, key: "totalCount", aggregate: resolveAggregates(object, ["totalCount"])[0]! }] : []),
      ],
    };
    return new PgDialect().sqlToQuery(connectionSql(createScope(schema), page));
  };
  const explain = async (objectName: string, options: Parameters<typeof compile>[1]) => {
    const { sql, params } = compile(objectName, options);
    const { rows } = await worker.db.sql.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params);
    return rows.map((row) => row["QUERY PLAN"] as string).join("\n");
  };

  beforeAll(async () => {
    const company = `"${schema}".company`;
    await worker.db.sql.query(`INSERT INTO ${company} (name, employees, position, "createdBySource", "createdByName")
      SELECT 'Company ' || i, i % 5000, i, 'SYSTEM', 'Test' FROM generate_series(1, 20000) AS i`);
    await worker.db.sql.query(`INSERT INTO "${schema}".person ("nameFirstName", "companyId", position, "createdBySource", "createdByName")
      SELECT 'P' || i, c.id, i, 'SYSTEM', 'Test' FROM ${company} c, generate_series(1, 2) AS i`);
    await worker.db.sql.query(`ANALYZE ${company}; ANALYZE "${schema}".person`);
  }, 60_000);

  const noSort = (plan: string) => expect(plan).not.toMatch(/^\s*(->\s*)?Sort\b/m);

  it("reads the default list (by id) from the primary key", async () => {
    const plan = await explain("company", {});
    expect(plan).toMatch(/Index Scan using company_pkey/);
    noSort(plan);
  });

  it("reads a position order with a position filter, and its cursor page, from the position index", async () => {
    for (const cursor of [undefined, ["6000", "00000000-0000-4000-8000-000000000000"]]) {
      const plan = await explain("company", { filter: "position[gte]:5000", orderBy: "position", ...(cursor ? { cursor } : {}) });
      expect(plan).toMatch(/Index Cond: \(\(?"position" >= /);
      noSort(plan);
    }
  });

  it("reads a createdAt order from the createdAt index", async () => {
    const plan = await explain("company", { orderBy: "createdAt" });
    expect(plan).toMatch(/Index Scan using "IDX_\w+" on company/);
    noSort(plan);
  });

  it("counts the total only when rows follow the first page", async () => {
    const total = async (filter: string) => {
      const { sql, params } = compile("company", { filter, total: true });
      return (await worker.db.sql.query(`SELECT ${sql}::json AS result`, params)).rows[0].result.totalCount;
    };
    expect(await total("position[lte]:3")).toBe(3);
    expect(await total("position[gte]:5001")).toBe(15000);
    const few = await explain("company", { filter: "position[lte]:3", total: true });
    expect(few).toMatch(/Aggregate \(never executed\)/);
  });

  it("finds a company's people through the join column index", async () => {
    const { rows } = await worker.db.sql.query(`SELECT id FROM "${schema}".company WHERE name = 'Company 77'`);
    const plan = await explain("person", { filter: `companyId[eq]:${rows[0].id}` });
    expect(plan).toMatch(/Index Cond: \("companyId" = /);
  });
});

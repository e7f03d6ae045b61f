import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { buildStandardMetadata } from "../../src/metadata/provisioning/build-standard-metadata.ts";
import { standardObjects } from "../../src/metadata/standard-objects/index.ts";
import { WorkspaceMetadata } from "../../src/metadata/workspace-metadata.ts";
import type { ObjectMetadata } from "../../src/metadata/types.ts";
import { RecordAccess } from "../../src/query/access.ts";
import type { Actor } from "../../src/query/actor.ts";
import { directions, type FilterNode, type FilterOperand } from "../../src/query/ast.ts";
import { resolveAggregates } from "../../src/query/plan/aggregates.ts";
import { planFilter } from "../../src/query/plan/plan-filter.ts";
import { planDimensions, planGroupOrder } from "../../src/query/plan/plan-group-by.ts";
import { planOrder } from "../../src/query/plan/plan-order.ts";
import { parseRestFilter } from "../../src/query/rest/filter-grammar.ts";
import { parseOrderBy } from "../../src/query/rest/order-grammar.ts";
import { selectionForDepth } from "../../src/query/selection.ts";
import { duplicatesSql } from "../../src/query/sql/duplicates-sql.ts";
import type { ConnectionPlan } from "../../src/query/connection.ts";
import { connectionSql } from "../../src/query/sql/connection-sql.ts";
import { groupBySql } from "../../src/query/sql/group-by-sql.ts";
import { afterCursorSql, cursorValuesSql, invert, orderBySql } from "../../src/query/sql/keyset.ts";
import { recordJsonSql } from "../../src/query/sql/record-json.ts";
import { createScope, whereSql } from "../../src/query/sql/where.ts";
import { mutateSql } from "../../src/query/sql/write-sql.ts";

const everything = RecordAccess.everything;

const schema = "workspace_test";
const metadata = new WorkspaceMetadata("00000000-0000-4000-8000-000000000001", schema, 1, buildStandardMetadata(standardObjects));
const object = (name: string): ObjectMetadata => metadata.objectsBySingular.get(name)!;
const company = object("company");
const person = object("person");
const someId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const hostile = ["O'Brien", "'; drop table x; --", `a"b`, "100%_\\"];

/** Text and parameters as the drivers receive them: drizzle's Postgres dialect, as `db.execute` renders. */
const render = (statement: SQL) => {
  const { sql, params } = new PgDialect().sqlToQuery(statement);
  return { sql, params };
};

/** A REST filter string (text operands), or an AST (JSON operands, as GraphQL sends them), planned on `on`. */
const plan = (on: ObjectMetadata, filter: string | FilterNode) =>
  typeof filter === "string" ? planFilter(metadata, on, parseRestFilter(filter), "text", everything) : planFilter(metadata, on, filter, "json", everything);
const condition = (path: string, operator: string, value: FilterOperand): FilterNode => ({ kind: "condition", path: path.split("."), operator, value });

/** The WHERE condition a filter on `on` compiles to, over alias `t0`. */
const where = (on: ObjectMetadata, filter: string | FilterNode) => render(whereSql(createScope(schema), "t0", plan(on, filter).filter));

function findMany(on: ObjectMetadata, options: { filter?: string | FilterNode; orderBy?: string; depth?: number; cursor?: Array<string | null>; offset?: number; backward?: boolean } = {}) {
  const selection = selectionForDepth(metadata, on, options.depth ?? 0, RecordAccess.everything);
  const page: ConnectionPlan = {
    object: on,
    orders: planOrder(metadata, on, parseOrderBy(options.orderBy ?? ""), everything),
    limit: 20,
    backward: options.backward ?? false,
    ...(options.filter ? { filter: plan(on, options.filter) } : {}),
    ...(options.cursor ? { cursor: options.cursor } : {}),
    ...(options.offset ? { offset: options.offset } : {}),
    outputs: [
      { kind: "edges", key: "edges", items: [{ kind: "node", key: "node", selection }, { kind: "cursor", key: "cursor" }] },
      { kind: "pageInfo", key: "pageInfo" },
      { kind: "aggregate", key: "totalCount", aggregate: resolveAggregates(on, ["totalCount"])[0]! },
    ],
  };
  return render(connectionSql(createScope(schema), page));
}

describe("conditions", () => {
  it("binds every value as a parameter with a cast, never as text", () => {
    for (const value of hostile) {
      const { sql, params } = where(company, condition("name", "eq", value));
      expect(sql).toBe(`t0."name" = $1::text`);
      expect(params).toEqual([value]);
    }
  });

  it("quotes identifiers and casts to the column's type", () => {
    expect(where(company, "employees[gte]:10")).toEqual({ sql: `t0."employees" >= $1::double precision`, params: [10] });
    expect(where(company, "address.addressCity[lt]:M").sql).toBe(`t0."addressAddressCity" < $1::text`);
    expect(where(object("opportunity"), "stage[eq]:NEW").sql).toBe(`t0."stage" = $1::"${schema}"."opportunity_stage_enum"`);
  });

  it("sends an in list as one array parameter, and keeps NULLs out of nin", () => {
    expect(where(company, `name[in]:[O'Brien,"a,b"]`)).toEqual({ sql: `t0."name" = ANY($1::text[])`, params: [["O'Brien", "a,b"]] });
    expect(where(company, "employees[nin]:[1,2]")).toEqual({ sql: `NOT (t0."employees" = ANY($1::double precision[]))`, params: [[1, 2]] });
  });

  it("tests NULL with IS, counting empty text as NULL", () => {
    expect(where(company, "employees[is]:NULL")).toEqual({ sql: `t0."employees" IS NULL`, params: [] });
    expect(where(company, "name[is]:NULL").sql).toBe(`(t0."name" IS NULL OR t0."name" = '')`);
    expect(where(company, "name[is]:NOT_NULL").sql).toBe(`(t0."name" IS NOT NULL AND t0."name" <> '')`);
    expect(where(company, `name[eq]:""`).sql).toBe(`(t0."name" IS NULL OR t0."name" = '')`);
  });

  it("escapes LIKE wildcards in startsWith/endsWith but passes like patterns through", () => {
    expect(where(company, condition("name", "startsWith", "50%_off\\"))).toEqual({ sql: `t0."name"::text LIKE $1`, params: ["50\\%\\_off\\\\%"] });
    expect(where(company, "name[endsWith]:Inc").params).toEqual(["%Inc"]);
    expect(where(company, "name[like]:%Ac_e%").params).toEqual(["%Ac_e%"]);
  });

  it("searches with prefix terms bound as one parameter", () => {
    const { sql, params } = where(company, `searchVector[search]:"jo O'Br"`);
    expect(sql).toBe(`t0."searchVector" @@ to_tsquery('simple', public.unaccent_immutable($1))`);
    expect(params).toEqual(["'jo':* & 'OBr':*"]);
  });

  it("compiles array operators on MULTI_SELECT and ARRAY columns", () => {
    const statuses = where(object("workflow"), "statuses[containsAny]:[ACTIVE,DRAFT]");
    expect(statuses.sql).toBe(`t0."statuses"::text[] && $1::text[]`);
    expect(where(object("workflow"), "statuses[isEmptyArray]:true").sql).toBe(`coalesce(cardinality(t0."statuses"), 0) = 0`);
    expect(where(object("connectedAccount"), "scopes[containsIlike]:%mail%")).toEqual({
      sql: `EXISTS (SELECT 1 FROM unnest(t0."scopes") AS element WHERE element::text ILIKE $1)`,
      params: ["%mail%"],
    });
  });
});

describe("where: nesting and relations", () => {
  it("parenthesises and/or and keeps undecidable rows under not", () => {
    const { sql, params } = where(company, "or(and(name[eq]:a,employees[gt]:1),not(address.addressCity[eq]:Paris))");
    expect(sql).toBe(
      `((t0."name" = $1::text AND t0."employees" > $2::double precision) OR NOT (t0."addressAddressCity" = $3::text))`,
    );
    expect(params).toEqual(["a", 1, "Paris"]);
  });

  it("compiles empty and/or to constants", () => {
    const compile = (kind: "and" | "or") => render(whereSql(createScope(schema), "t0", { kind, children: [] })).sql;
    expect([compile("and"), compile("or")]).toEqual(["true", "false"]);
  });

  it("filters across a relation with EXISTS on the live related row in the workspace schema", () => {
    expect(where(person, "company.name[eq]:O'Brien")).toEqual({
      sql: `EXISTS (SELECT 1 FROM "${schema}"."company" t1 WHERE t1."id" = t0."companyId" AND t1."deletedAt" IS NULL AND t1."name" = $1::text)`,
      params: ["O'Brien"],
    });
  });

  it("reads `is NULL` across a relation as a left join would: no live related record with a value", () => {
    expect(where(person, "company.employees[is]:NULL").sql).toBe(
      `NOT EXISTS (SELECT 1 FROM "${schema}"."company" t1 WHERE t1."id" = t0."companyId" AND t1."deletedAt" IS NULL AND t1."employees" IS NOT NULL)`,
    );
  });
});

describe("keyset", () => {
  const orders = planOrder(metadata, company, parseOrderBy("employees[DescNullsLast],name[AscNullsFirst]"), everything);

  it("orders with explicit NULLS placement and can read backwards", () => {
    expect(render(orderBySql("t", orders)).sql).toBe(`t."employees" DESC NULLS LAST, t."name" ASC NULLS FIRST, t."id" ASC`);
    expect(render(orderBySql("t", orders, true)).sql).toBe(`t."employees" ASC NULLS FIRST, t."name" DESC NULLS LAST, t."id" DESC`);
    expect(directions.map(invert)).toEqual([
      "DescNullsLast",
      "DescNullsFirst",
      "AscNullsLast",
      "AscNullsFirst",
    ]);
  });

  it("compiles a multi-column cursor to nested NULL-aware branches, each key written twice at most", () => {
    const { sql, params } = render(afterCursorSql("t", orders, ["5", null, someId]));
    // DescNullsLast after 5: smaller, or NULL; name's cursor is NULL and NULLs come first, so any non-NULL follows.
    expect(sql).toBe(
      `((t."employees" < $1::double precision OR t."employees" IS NULL)` +
        ` OR (t."employees" = $2::double precision AND (t."name" IS NOT NULL OR (t."name" IS NULL AND t."id" > $3::uuid))))`,
    );
    expect(params).toEqual(["5", "5", someId]);
  });

  it("bounds the first key once more as a plain comparison where NULLs come first, so an index range starts at the cursor", () => {
    const byName = planOrder(metadata, company, parseOrderBy("name"), everything);
    expect(render(afterCursorSql("t", byName, ["Acme", someId])).sql).toBe(
      `(t."name" >= $1::text AND (t."name" > $2::text OR (t."name" = $3::text AND t."id" > $4::uuid)))`,
    );
    expect(render(afterCursorSql("t", byName, ["Acme", someId], true)).sql).toMatch(/^\(\(t\."name" < \$1::text OR t\."name" IS NULL\)/);
    expect(render(afterCursorSql("t", byName, [null, someId])).sql).toMatch(/^\(t\."name" IS NOT NULL OR/);
  });

  it("treats a NULL cursor value in a NULLS LAST position as having only NULLs after it", () => {
    const { sql } = render(afterCursorSql("t", orders, [null, "Acme", someId]));
    expect(sql.startsWith(`(false OR (t."employees" IS NULL AND (t."name" > $1::text OR `)).toBe(true);
  });

  it("compares enum cursors as text, as enums are ordered", () => {
    const stage = planOrder(metadata, object("opportunity"), parseOrderBy("stage"), everything);
    expect(render(afterCursorSql("t", stage, ["NEW", someId])).sql).toContain(`t."stage"::text > $2::text`);
    expect(cursorValuesSql("t", stage)).toBe(`json_build_object('stage', (t."stage"::text)::text, 'id', (t."id")::text)`);
  });

  it("reads a related record's column through a correlated subquery on its primary key", () => {
    const [byCompany] = planOrder(metadata, person, parseOrderBy("company.name[DescNullsLast]"), everything);
    expect(render(orderBySql("t", [byCompany!])).sql).toBe(
      `(SELECT t_via."name" FROM "workspace_test"."company" t_via WHERE t_via."id" = t."companyId" AND t_via."deletedAt" IS NULL) DESC NULLS LAST`,
    );
  });

  it("builds cursors of more than 50 keys from chunks, json_build_object taking 100 arguments", () => {
    const many = planOrder(metadata, person, Array.from({ length: 60 }, (_, i) => ({ path: [i % 2 ? "city" : "jobTitle"], direction: "AscNullsFirst" as const })), everything);
    expect(many).toHaveLength(3);
    const keys = Array.from({ length: 51 }, (_, i) => ({ ...many[0]!, target: { ...many[0]!.target, key: `k${i}` } }));
    const text = cursorValuesSql("t", keys);
    expect(text.match(/json_build_object\(/g)).toHaveLength(2);
    expect(text).toMatch(/^\(json_build_object\(.*\)::jsonb \|\| json_build_object\('k50', .*\)::jsonb\)::json$/);
  });
});

describe("record JSON", () => {
  it("caps embedded one-to-many rows and leaves out soft-deleted related records", () => {
    const { sql } = render(recordJsonSql(createScope(schema), selectionForDepth(metadata, company, 1, RecordAccess.everything), "t0"));
    expect(sql).toMatch(/FROM "workspace_test"\."person" (t\d+) WHERE \1\."companyId" = t0\."id" AND \1\."deletedAt" IS NULL ORDER BY \1\."id" LIMIT 60\)/);
    expect(sql).toMatch(/FROM "workspace_test"\."workspaceMember" (t\d+) WHERE \1\."id" = t0\."accountOwnerId" AND \1\."deletedAt" IS NULL\) AS "accountOwner"/);
  });
});

describe("connection statement", () => {
  it("is one statement with the page limit + 1, the total and the soft-delete rule", () => {
    const { sql, params } = findMany(company, { filter: { kind: "and", children: hostile.map((v) => condition("name", "neq", v)) }, depth: 1 });
    expect(sql).not.toContain(";");
    expect(sql.startsWith("(SELECT row_to_json(")).toBe(true);
    expect(sql).toMatch(/LIMIT 21\) t\d+\) t\d+/);
    expect(sql).toMatch(/CASE WHEN t\d+\.more THEN \(SELECT \(count\(\*\)\)::int8 FROM "workspace_test"\."company" t\d+ WHERE .*\) ELSE t\d+\.rows END AS "totalCount"/);
    expect(sql).toContain(`t2."deletedAt" IS NULL AND`);
    for (const value of hostile) expect(sql).not.toContain(value);
    // The page and the aggregate each bind the filter's values once.
    expect(params.filter((p) => hostile.includes(p as string))).toHaveLength(hostile.length * 2);
  });

  it("shows soft-deleted rows when the filter names deletedAt", () => {
    const { sql } = findMany(company, { filter: "deletedAt[is]:NOT_NULL" });
    expect(sql).not.toMatch(/"deletedAt" IS NULL/);
    expect(sql).toContain(`t2."deletedAt" IS NOT NULL`);
  });

  it("counts the total only where the page cannot tell it: after a cursor or an offset, or when more rows follow", () => {
    expect(findMany(company, { cursor: ["Acme", someId], orderBy: "name" }).sql).toMatch(/, \(SELECT \(count\(\*\)\)::int8 AS "totalCount" FROM /);
    expect(findMany(company, { offset: 40 }).sql).toMatch(/, \(SELECT \(count\(\*\)\)::int8 AS "totalCount" FROM /);
    expect(findMany(company).sql).toMatch(/CASE WHEN t\d+\.more THEN \(SELECT/);
  });

  it("uses the cursor for the page and its negation for rows on the other side", () => {
    const { sql, params } = findMany(company, { orderBy: "name", cursor: ["Acme", someId] });
    expect(sql).toMatch(
      /WHERE t2\."deletedAt" IS NULL AND \(t2\."name" >= \$\d+::text AND \(t2\."name" > \$\d+::text OR \(t2\."name" = \$\d+::text AND t2\."id" > \$\d+::uuid\)\)\) ORDER BY/,
    );
    expect(sql).toMatch(/'hasPreviousPage', EXISTS \(SELECT 1 FROM "workspace_test"\."company" t\d+ WHERE t\d+\."deletedAt" IS NULL AND NOT \(/);
    expect(params).toContain("Acme");
  });

  it("reads backward pages in the inverted order and returns them in the asked one", () => {
    const { sql } = findMany(company, { orderBy: "name[AscNullsLast]", backward: true });
    expect(sql).toContain(`ORDER BY t2."name" DESC NULLS FIRST, t2."id" DESC LIMIT 21`);
    expect(sql).toMatch(/ORDER BY t\d+\."__rn" DESC\) FILTER \(WHERE t\d+\."__rn" <= 20\)/);
  });

  it("applies an offset after the limit", () => {
    expect(findMany(company, { offset: 40 }).sql).toContain(`LIMIT 21 OFFSET 40)`);
  });

  it("correlates a nested connection to its parent row, inside the same statement", () => {
    const people = findMany(person, {});
    const { sql } = render(
      connectionSql(createScope(schema), { object: person, orders: planOrder(metadata, person, [], everything), limit: 5, backward: false, outputs: [{ kind: "aggregate", key: "n", aggregate: resolveAggregates(person, ["totalCount"])[0]! }] }, { alias: "p0", joinColumn: "companyId" }),
    );
    expect(sql).toMatch(/WHERE (t\d+)\."deletedAt" IS NULL AND \1\."companyId" = p0\."id"/);
    expect(sql).toContain(`AS "n"`);
    expect(people.sql).not.toContain("p0");
  });
});

describe("other statements", () => {
  it("group-by binds the time zone and aggregates ordering groups", () => {
    const opportunity = object("opportunity");
    const dimensions = planDimensions(metadata, opportunity, [{ closeDate: { granularity: "MONTH", timeZone: "Europe/Paris" } }]);
    const { sql, params } = render(
      groupBySql(createScope(schema), opportunity, {
        dimensions,
        aggregates: resolveAggregates(opportunity, ["totalCount"]),
        orders: planGroupOrder(opportunity, dimensions, [{ aggregate: { totalCount: "DescNullsLast" } }]),
        limit: 50,
      }),
    );
    expect(sql).not.toContain(";");
    expect(sql).toContain(`date_trunc('month', (g."closeDate" AT TIME ZONE $1))`);
    expect(params).toContain("Europe/Paris");
    expect(sql).toContain("ORDER BY o0 DESC NULLS LAST LIMIT 50");
  });

  it("duplicates binds probe values and caps each list", () => {
    const selection = selectionForDepth(metadata, person, 0, RecordAccess.everything);
    const { sql, params } = render(duplicatesSql(createScope(schema), selection, [["emailsPrimaryEmail"]], { kind: "values", rows: [{ emailsPrimaryEmail: "o'brien@x.io" }] }, 5));
    expect(sql).not.toContain("o'brien");
    expect(params).toEqual(["o'brien@x.io"]);
    expect(sql).toMatch(/ORDER BY t\d+\.id LIMIT 5\)/);
  });

  it("a filtered update targets at most 201 live rows and refuses to write past 200", () => {
    const actor: Actor = { source: "API", name: "key'); --", workspaceMemberId: null, userId: null, apiKeyId: someId };
    const filter = planFilter(metadata, company, parseRestFilter("name[eq]:O'Brien"), "text", everything);
    const eventSelection = selectionForDepth(metadata, company, 0, RecordAccess.everything);
    const { sql, params } = render(
      mutateSql(createScope(schema), eventSelection, { filter }, { kind: "update", columns: [{ column: "employees", value: 3, cast: "double precision" }] }, {
        workspaceId: metadata.workspaceId,
        object: company,
        actor,
        eventSelection,
      }),
    );
    expect(sql).toMatch(/^WITH targets AS \(SELECT t1\.id FROM "workspace_test"\."company" t1 WHERE t1\."deletedAt" IS NULL AND t1\."name" = \$1::text ORDER BY t1\.id LIMIT 201\)/);
    expect(sql).toContain(`(SELECT count(*) FROM targets) <= 200`);
    expect(sql).toContain(`SET "employees" = $2::double precision, "updatedAt" = now()`);
    expect(sql).not.toContain("O'Brien");
    expect(sql).not.toContain("key')");
    expect(params.slice(0, 2)).toEqual(["O'Brien", 3]);
  });
});

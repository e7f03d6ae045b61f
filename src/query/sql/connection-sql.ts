import { sql, type SQL } from "drizzle-orm";
import { ident, literal } from "../../db/sql-text.ts";
import { pageInfoFields, type ConnectionPlan, type EdgeItem, type PageInfoItem } from "../connection.ts";
import { aggregateValueSql } from "../plan/aggregates.ts";
import { afterCursorSql, cursorValuesSql, orderBySql } from "./keyset.ts";
import { recordJsonSql } from "./record-json.ts";
import { baseWhereSql, columnOf, tableOf, type SqlScope } from "./where.ts";

/** The parent record a nested connection belongs to: its alias, and the child column pointing at its id. */
export interface ParentLink {
  alias: string;
  joinColumn: string;
}

const rowNumber = `"__rn"`;

/** Twenty's cursor text (base64 of the order values as JSON), built by Postgres so no row leaves the statement. */
export function cursorTextSql(alias: string, plan: ConnectionPlan): string {
  return `translate(encode(convert_to((${cursorValuesSql(alias, plan.orders)})::text, 'UTF8'), 'base64'), E'\\n', '')`;
}

/**
 * A connection as ONE JSON expression: the page (limit + 1 rows numbered in reading order, so the extra row
 * says whether more follow), its edges, a truthful pageInfo, and aggregates over the whole filtered set
 * (cursor ignored, as Twenty). Nested connections are correlated to their parent row and built the same way,
 * inside the same statement, whatever the depth. Only what the caller selected is computed.
 */
export function connectionSql(scope: SqlScope, plan: ConnectionPlan, parent?: ParentLink): SQL {
  if (plan.outputs.length === 0) return sql`'{}'::json`;
  const table = tableOf(scope, plan.object.tableName);
  const belongsToParent = (alias: string) =>
    parent ? sql` AND ${sql.raw(columnOf(alias, parent.joinColumn))} = ${sql.raw(columnOf(parent.alias, "id"))}` : sql``;
  const scopeWhere = (alias: string) => sql`${baseWhereSql(scope, alias, plan.filter)}${belongsToParent(alias)}`;

  const sources: SQL[] = [];
  const columns: SQL[] = [];
  const needsPage = plan.outputs.some((output) => output.kind === "edges" || output.kind === "pageInfo");
  const e = scope.nextAlias();
  if (needsPage) {
    const t = scope.nextAlias();
    const reading = orderBySql(t, plan.orders, plan.backward);
    const cursorCondition = plan.cursor ? sql` AND ${afterCursorSql(t, plan.orders, plan.cursor, plan.backward)}` : sql``;
    const offset = plan.offset ? sql.raw(` OFFSET ${plan.offset}`) : sql``;
    const rows = sql`SELECT ${sql.raw(t)}.* FROM ${table} ${sql.raw(t)} WHERE ${scopeWhere(t)}${cursorCondition} ORDER BY ${reading} LIMIT ${sql.raw(
      String(plan.limit + 1),
    )}${offset}`;
    // Rows are numbered after LIMIT, not before: a window under the LIMIT would make Postgres sort every
    // matching row instead of keeping the top ones, and read an index to its end.
    const k = scope.nextAlias();
    const page = sql`SELECT ${sql.raw(k)}.*, row_number() OVER (ORDER BY ${orderBySql(k, plan.orders, plan.backward)}) AS ${sql.raw(rowNumber)} FROM (${rows}) ${sql.raw(k)}`;
    const p = scope.nextAlias();
    const inPage = sql.raw(`FILTER (WHERE ${p}.${rowNumber} <= ${plan.limit})`);
    const shown = sql.raw(`ORDER BY ${p}.${rowNumber}${plan.backward ? " DESC" : ""}`);
    const parts: SQL[] = [sql`count(*) > ${sql.raw(String(plan.limit))} AS more`, sql`count(*)::int8 AS rows`];
    // Start and end cursors only for a pageInfo: encoding a cursor per row is not free.
    if (plan.outputs.some((output) => output.kind === "pageInfo")) parts.push(sql`array_agg(${sql.raw(cursorTextSql(p, plan))} ${shown}) ${inPage} AS cursors`);
    plan.outputs.forEach((output, i) => {
      if (output.kind !== "edges") return;
      parts.push(sql`coalesce(json_agg(${edgeSql(scope, plan, output.items, p)} ${shown}) ${inPage}, '[]'::json) AS ${sql.raw(`edges${i}`)}`);
    });
    sources.push(sql`(SELECT ${sql.join(parts, sql.raw(", "))} FROM (${page}) ${sql.raw(p)}) ${sql.raw(e)}`);
  }

  // A first page with no row after it holds the whole filtered set: its row count is the totalCount, and the
  // count runs only when rows follow (Postgres evaluates a subquery in a CASE branch only when it is taken).
  const pageCounts = needsPage && !plan.cursor && !plan.offset;
  const aggregates = new Map(plan.outputs.flatMap((output) => (output.kind === "aggregate" ? [[output.aggregate.name, output.aggregate] as const] : [])));
  const counted = pageCounts ? aggregates.get("totalCount") : undefined;
  if (counted) aggregates.delete("totalCount");
  const g = scope.nextAlias();
  if (aggregates.size > 0) {
    const a = scope.nextAlias();
    const values = [...aggregates.values()].map((aggregate) => sql.raw(`${aggregateValueSql(aggregate, a, "number")} AS ${ident(aggregate.name)}`));
    sources.push(sql`(SELECT ${sql.join(values, sql.raw(", "))} FROM ${table} ${sql.raw(a)} WHERE ${scopeWhere(a)}) ${sql.raw(g)}`);
  }
  const aggregateSql = (name: string): SQL => {
    if (!counted || name !== "totalCount") return sql.raw(`${g}.${ident(name)}`);
    const c = scope.nextAlias();
    return sql`CASE WHEN ${sql.raw(e)}.more THEN (SELECT ${sql.raw(aggregateValueSql(counted, c, "number"))} FROM ${table} ${sql.raw(c)} WHERE ${scopeWhere(c)}) ELSE ${sql.raw(
      e,
    )}.rows END`;
  };

  plan.outputs.forEach((output, i) => {
    const as = sql.raw(` AS ${ident(output.key)}`);
    if (output.kind === "edges") columns.push(sql`${sql.raw(`${e}.edges${i}`)}${as}`);
    else if (output.kind === "aggregate") columns.push(sql`${aggregateSql(output.aggregate.name)}${as}`);
    else if (output.kind === "typename") columns.push(sql`${sql.raw(literal(output.value))}::text${as}`);
    else columns.push(sql`${pageInfoSql(scope, plan, e, scopeWhere, output.items)}${as}`);
  });
  const o = scope.nextAlias();
  const from = sources.length ? sql` FROM ${sql.join(sources, sql.raw(", "))}` : sql``;
  return sql`(SELECT row_to_json(${sql.raw(o)}) FROM (SELECT ${sql.join(columns, sql.raw(", "))}${from}) ${sql.raw(o)})`;
}

function edgeSql(scope: SqlScope, plan: ConnectionPlan, items: EdgeItem[], alias: string): SQL {
  if (items.length === 0) return sql`json_build_object()`;
  const pairs = items.map((item) => {
    const value =
      item.kind === "node" ? recordJsonSql(scope, item.selection, alias) : item.kind === "cursor" ? sql.raw(cursorTextSql(alias, plan)) : sql.raw(`${literal(item.value)}::text`);
    return sql`${sql.raw(literal(item.key))}, ${value}`;
  });
  return sql`json_build_object(${sql.join(pairs, sql.raw(", "))})`;
}

/**
 * More rows in reading order come from the extra row; rows on the other side exist when an offset skipped
 * some, or when a cursor was given and some row does not come after it.
 */
function pageInfoSql(scope: SqlScope, plan: ConnectionPlan, e: string, scopeWhere: (alias: string) => SQL, items?: PageInfoItem[]): SQL {
  let otherSide: SQL = plan.offset ? sql`true` : sql`false`;
  if (plan.cursor && !plan.offset) {
    const x = scope.nextAlias();
    otherSide = sql`EXISTS (SELECT 1 FROM ${tableOf(scope, plan.object.tableName)} ${sql.raw(x)} WHERE ${scopeWhere(x)} AND NOT ${afterCursorSql(
      x,
      plan.orders,
      plan.cursor,
      plan.backward,
    )})`;
  }
  const more = sql.raw(`${e}.more`);
  const [next, previous] = plan.backward ? [otherSide, more] : [more, otherSide];
  const cursors = `${e}.cursors`;
  const values: Record<(typeof pageInfoFields)[number], SQL> = {
    startCursor: sql.raw(`${cursors}[1]`),
    endCursor: sql.raw(`${cursors}[cardinality(${cursors})]`),
    hasNextPage: next,
    hasPreviousPage: previous,
  };
  const pairs = (items ?? pageInfoFields.map((field) => ({ key: field, field }))).map((item) =>
    "typename" in item ? sql.raw(`${literal(item.key)}, ${literal(item.typename)}::text`) : sql`${sql.raw(literal(item.key))}, ${values[item.field]}`,
  );
  return sql`json_build_object(${sql.join(pairs, sql.raw(", "))})`;
}

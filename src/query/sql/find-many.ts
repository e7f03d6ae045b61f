import { sql, type SQL } from "drizzle-orm";
import type { FilterPlan } from "../plan/plan-filter.ts";
import type { PlannedOrder } from "../plan/plan-order.ts";
import type { Selection } from "../selection.ts";
import { afterCursorSql, cursorValuesSql, orderBySql } from "./keyset.ts";
import { recordJsonSql } from "./record-json.ts";
import { tableOf, whereSql, type SqlScope } from "./where.ts";

export interface FindManyPlan {
  selection: Selection;
  filter?: FilterPlan;
  orders: PlannedOrder[];
  limit: number;
  backward: boolean;
  cursor?: Array<string | null>;
  offset?: number;
}

/** The filter and the soft-delete rule, over `alias`. */
export function baseWhereSql(scope: SqlScope, alias: string, filter: FilterPlan | undefined): SQL {
  const parts: SQL[] = [];
  if (!filter?.mentionsDeletedAt) parts.push(sql.raw(`${alias}."deletedAt" IS NULL`));
  if (filter) parts.push(whereSql(scope, alias, filter.filter));
  return parts.length ? sql.join(parts, sql.raw(" AND ")) : sql`true`;
}

/**
 * One statement for a page: the rows (limit + 1, to know if more follow) with their JSON and cursor values,
 * the filtered total, and whether rows exist on the other side of the cursor, so both `hasNextPage` and
 * `hasPreviousPage` are true statements. Backward pages read in the inverted order and come back reordered.
 */
export function findManySql(scope: SqlScope, plan: FindManyPlan): SQL {
  const table = tableOf(scope, plan.selection.object.tableName);
  const t = scope.nextAlias();
  const base = baseWhereSql(scope, t, plan.filter);
  const cursorCondition = plan.cursor ? sql` AND ${afterCursorSql(t, plan.orders, plan.cursor, plan.backward)}` : sql``;
  const offset = plan.offset ? sql.raw(` OFFSET ${plan.offset}`) : sql``;
  const page = sql`SELECT ${sql.raw(t)}.* FROM ${table} ${sql.raw(t)} WHERE ${base}${cursorCondition} ORDER BY ${orderBySql(t, plan.orders, plan.backward)} LIMIT ${sql.raw(
    String(plan.limit + 1),
  )}${offset}`;

  const p = scope.nextAlias();
  const rows = sql`coalesce((SELECT json_agg(json_build_object('record', ${recordJsonSql(scope, plan.selection, p)}, 'cursor', ${sql.raw(
    cursorValuesSql(p, plan.orders),
  )}) ORDER BY ${orderBySql(p, plan.orders)}) FROM page ${sql.raw(p)}), '[]'::json)`;

  const c = scope.nextAlias();
  const total = sql`(SELECT count(*) FROM ${table} ${sql.raw(c)} WHERE ${baseWhereSql(scope, c, plan.filter)})`;

  let otherSide: SQL = plan.offset ? sql`${sql.raw(String(plan.offset))} > 0` : sql`false`;
  if (plan.cursor) {
    const o = scope.nextAlias();
    otherSide = sql`EXISTS (SELECT 1 FROM ${table} ${sql.raw(o)} WHERE ${baseWhereSql(scope, o, plan.filter)} AND NOT ${afterCursorSql(o, plan.orders, plan.cursor, plan.backward)})`;
  }
  return sql`WITH page AS (${page}) SELECT json_build_object('rows', ${rows}, 'totalCount', ${total}, 'otherSide', ${otherSide})::text AS result`;
}

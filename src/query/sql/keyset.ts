import { sql, type SQL } from "drizzle-orm";
import type { Direction } from "../ast.ts";
import type { PlannedOrder } from "../plan/plan-order.ts";
import { literal } from "../../db/sql-text.ts";
import { jsonObjectText } from "./json-object.ts";
import { pathValueSql } from "./where.ts";

const ascending = (d: Direction) => d.startsWith("Asc");
const nullsFirst = (d: Direction) => d.endsWith("NullsFirst");

export function invert(direction: Direction): Direction {
  return `${ascending(direction) ? "Desc" : "Asc"}${nullsFirst(direction) ? "NullsLast" : "NullsFirst"}` as Direction;
}

export function orderExpression(alias: string, order: PlannedOrder): string {
  const column = pathValueSql(alias, order.target);
  return order.target.leaf.orderBy ? order.target.leaf.orderBy(column) : column;
}

/** The type cursor values are compared as: text for what is ordered as text (enums), else the leaf's type. */
const compareType = (order: PlannedOrder) => (order.target.leaf.orderBy ? "text" : order.target.leaf.sqlType);

/** A record's own id is never NULL: its NULLS placement changes nothing, so it is left to match any index on (key, id). */
const isOwnId = (order: PlannedOrder) => order.target.column === "id" && !order.target.via;

export function orderBySql(alias: string, orders: PlannedOrder[], reversed = false): SQL {
  const parts = orders.map((order) => {
    const direction = reversed ? invert(order.direction) : order.direction;
    const nulls = isOwnId(order) ? "" : ` NULLS ${nullsFirst(direction) ? "FIRST" : "LAST"}`;
    return `${orderExpression(alias, order)} ${ascending(direction) ? "ASC" : "DESC"}${nulls}`;
  });
  return sql.raw(parts.join(", "));
}

/**
 * Rows strictly after the cursor position in the given order, NULLs placed where the direction puts them:
 * after(k1) OR (k1 = c1 AND (after(k2) OR (k2 = c2 AND ...))), nested so that each key's expression is
 * written twice whatever the number of keys (a relation's key is a subquery). The cursor values are known
 * when compiling, so NULL cursor values become IS NULL tests instead of comparisons that could never be true.
 */
export function afterCursorSql(alias: string, orders: PlannedOrder[], values: Array<string | null>, reversed = false): SQL {
  const terms = orders.map((order, i) => {
    const direction = reversed ? invert(order.direction) : order.direction;
    const column = sql.raw(orderExpression(alias, order));
    const value = values[i] ?? null;
    const param = sql`${sql.param(value)}::${sql.raw(compareType(order))}`;
    let after: SQL;
    if (value === null) after = nullsFirst(direction) ? sql`${column} IS NOT NULL` : sql`false`;
    else {
      const strictly = ascending(direction) ? sql`${column} > ${param}` : sql`${column} < ${param}`;
      after = nullsFirst(direction) ? strictly : sql`(${strictly} OR ${column} IS NULL)`;
    }
    return { after, equal: value === null ? sql`${column} IS NULL` : sql`${column} = ${param}` };
  });
  const last = terms.length - 1;
  let condition = terms[last]!.after;
  for (let i = last - 1; i >= 0; i--) condition = sql`(${terms[i]!.after} OR (${terms[i]!.equal} AND ${condition}))`;
  const bound = leadingBound(alias, orders[0], values[0] ?? null, reversed);
  return bound && last > 0 ? sql`(${bound} AND ${condition})` : condition;
}

/**
 * The nested OR above is exact but no index range: when every row after the cursor has a non-NULL first key
 * on one side of the cursor's (NULLs placed first, a non-NULL cursor value), that side is said once more as a
 * plain comparison, so an index on the first key starts at the cursor instead of scanning every row before it.
 */
function leadingBound(alias: string, order: PlannedOrder | undefined, value: string | null, reversed: boolean): SQL | undefined {
  if (!order || value === null) return undefined;
  const direction = reversed ? invert(order.direction) : order.direction;
  if (!nullsFirst(direction)) return undefined;
  const column = sql.raw(orderExpression(alias, order));
  const param = sql`${sql.param(value)}::${sql.raw(compareType(order))}`;
  return ascending(direction) ? sql`${column} >= ${param}` : sql`${column} <= ${param}`;
}

/** The cursor of a row: every order key's value as exact text. */
export function cursorValuesSql(alias: string, orders: PlannedOrder[]): string {
  return jsonObjectText(orders.map((order) => `${literal(order.target.key)}, (${orderExpression(alias, order)})::text`));
}

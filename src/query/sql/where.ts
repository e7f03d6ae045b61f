import { sql, type SQL } from "drizzle-orm";
import { ident } from "../../db/sql-text.ts";
import type { FilterPlan, PlannedFilter } from "../plan/plan-filter.ts";
import type { ResolvedPath } from "../plan/resolve-path.ts";
import { conditionSql } from "./condition.ts";

/** How the compiler names tables: a fresh alias per nesting level, and the workspace schema. */
export interface SqlScope {
  schema: string;
  nextAlias(): string;
}

export function createScope(schema: string): SqlScope {
  let n = 0;
  return { schema, nextAlias: () => `t${++n}` };
}

export const columnOf = (alias: string, column: string) => `${alias}.${ident(column)}`;
export const tableOf = (scope: SqlScope, table: string) => sql.raw(`${ident(scope.schema)}.${ident(table)}`);

/**
 * The value a resolved path reads on the row `alias`: its column, or across a relation the related live
 * record's column (NULL without one), as a correlated subquery on the primary key. Orders and group
 * dimensions read it so; filters use EXISTS instead (below).
 */
export function pathValueSql(alias: string, target: ResolvedPath, column = target.column): string {
  if (!target.via) return columnOf(alias, column);
  const hop = `${alias}_via`;
  return `(SELECT ${columnOf(hop, column)} FROM ${target.via.table} ${hop} WHERE ${columnOf(hop, "id")} = ${columnOf(alias, target.via.joinColumn)} AND ${columnOf(
    hop,
    "deletedAt",
  )} IS NULL)`;
}

/**
 * The filter as a WHERE condition over `alias`. `not` is SQL's NOT: a row the inner condition cannot decide
 * (a NULL number, date or enum) is left out, as Twenty does; text conditions always decide (condition.ts), so
 * `not(city[eq]:Paris)` still includes people without a city. A condition across
 * a relation becomes an EXISTS on the related (live) record (`is NULL` a NOT EXISTS of a value).
 */
export function whereSql(scope: SqlScope, alias: string, filter: PlannedFilter): SQL {
  switch (filter.kind) {
    case "and":
    case "or": {
      if (filter.children.length === 0) return filter.kind === "and" ? sql`true` : sql`false`;
      const parts = filter.children.map((child) => whereSql(scope, alias, child));
      return sql`(${sql.join(parts, sql.raw(filter.kind === "and" ? " AND " : " OR "))})`;
    }
    case "not":
      return sql`NOT (${whereSql(scope, alias, filter.child)})`;
    case "condition": {
      const { target } = filter;
      if (!target.via) return conditionSql(columnOf(alias, target.column), target.leaf, filter.operator, filter.operand);
      const hop = scope.nextAlias();
      // As a left join reads it: without a live related record its fields are NULL, so `is NULL` holds
      // exactly when no related record has a value.
      const missing = filter.operator === "is" && filter.operand === "NULL";
      const inner = conditionSql(columnOf(hop, target.column), target.leaf, filter.operator, missing ? "NOT_NULL" : filter.operand);
      const related = sql`EXISTS (SELECT 1 FROM ${tableOf(scope, target.via.target.tableName)} ${sql.raw(hop)} WHERE ${sql.raw(
        columnOf(hop, "id"),
      )} = ${sql.raw(columnOf(alias, target.via.joinColumn))} AND ${sql.raw(columnOf(hop, "deletedAt"))} IS NULL AND ${inner})`;
      return missing ? sql`NOT ${related}` : related;
    }
  }
}

/** The filter and the soft-delete rule, over `alias`. */
export function baseWhereSql(scope: SqlScope, alias: string, filter: FilterPlan | undefined): SQL {
  const parts: SQL[] = [];
  if (!filter?.mentionsDeletedAt) parts.push(sql.raw(`${alias}."deletedAt" IS NULL`));
  if (filter) parts.push(whereSql(scope, alias, filter.filter));
  return parts.length ? sql.join(parts, sql.raw(" AND ")) : sql`true`;
}

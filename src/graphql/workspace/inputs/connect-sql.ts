import { sql, type SQL } from "drizzle-orm";
import { columnOf, tableOf, type SqlScope } from "../../../query/sql/where.ts";
import type { ConnectRequest } from "./data-input.ts";

/** Up to two live ids matching one connect: two are enough to tell "not unique" from "exactly one". */
function lookupSql(scope: SqlScope, request: ConnectRequest): SQL {
  const row = scope.nextAlias();
  const found = scope.nextAlias();
  const conditions = request.conditions.map(({ column, value, cast }) => sql`${sql.raw(columnOf(row, column))} = ${sql.param(value)}::${sql.raw(cast)}`);
  return sql`(SELECT coalesce(json_agg(${sql.raw(found)}.id), '[]'::json) FROM (SELECT ${sql.raw(columnOf(row, "id"))} AS id FROM ${tableOf(scope, request.target.tableName)} ${sql.raw(row)} WHERE ${sql.join(conditions, sql` AND `)} AND ${sql.raw(columnOf(row, "deletedAt"))} IS NULL LIMIT 2) ${sql.raw(found)})`;
}

/**
 * ONE statement for all connects of a request: a JSON array with, per connect in order, the list of ids found.
 * ARRAY[...] rather than json_build_array, whose arguments Postgres caps at 100.
 */
export function connectLookupSql(scope: SqlScope, connects: ConnectRequest[]): SQL {
  const lookups = connects.map((request) => lookupSql(scope, request));
  return sql`SELECT array_to_json(ARRAY[${sql.join(lookups, sql`, `)}]::json[])::text AS result`;
}

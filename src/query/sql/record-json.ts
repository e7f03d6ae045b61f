import { sql, type SQL } from "drizzle-orm";
import { ident, literal } from "../../db/sql-text.ts";
import { fieldTypeDefinition } from "../../field-types/registry.ts";
import type { Selection } from "../selection.ts";
import { connectionSql } from "./connection-sql.ts";
import { columnOf, tableOf, type SqlScope } from "./where.ts";

/**
 * A record as JSON, built by Postgres: `row_to_json` over one aliased column per selected key (no 100-argument
 * limit, keys in selection order), related records as correlated subqueries: a MANY_TO_ONE by primary key,
 * a ONE_TO_MANY capped at `limit` rows. Soft-deleted related records are left out.
 */
export function recordJsonSql(scope: SqlScope, selection: Selection, alias: string): SQL {
  const context = { schema: scope.schema, table: selection.object.tableName };
  const column = (name: string) => columnOf(alias, name);
  const columns = selection.items.map((item): SQL => {
    const as = sql.raw(` AS ${ident(item.key)}`);
    switch (item.kind) {
      case "field": {
        const definition = fieldTypeDefinition(item.field.type);
        if (item.subFields && definition.subFieldOutput) {
          const parts = item.subFields.map((sub) =>
            "typename" in sub ? `${literal(sub.key)}, ${literal(sub.typename)}` : `${literal(sub.key)}, ${definition.subFieldOutput!(item.field, context, column, sub.subField)}`,
          );
          return sql`${sql.raw(`json_build_object(${parts.join(", ")})`)}${as}`;
        }
        return sql`${sql.raw(definition.output?.(item.field, context, column) ?? "NULL")}${as}`;
      }
      case "typename":
        return sql`${sql.raw(literal(item.value))}::text${as}`;
      case "joinColumn":
        return sql`${sql.raw(column(item.column))}${as}`;
      case "toOne": {
        const related = scope.nextAlias();
        return sql`(SELECT ${recordJsonSql(scope, item.selection, related)} FROM ${tableOf(scope, item.target.tableName)} ${sql.raw(related)} WHERE ${sql.raw(
          columnOf(related, "id"),
        )} = ${sql.raw(column(item.joinColumn))} AND ${sql.raw(columnOf(related, "deletedAt"))} IS NULL)${as}`;
      }
      case "toMany": {
        const inner = scope.nextAlias();
        const related = scope.nextAlias();
        return sql`(SELECT coalesce(json_agg(${recordJsonSql(scope, item.selection, related)} ORDER BY ${sql.raw(columnOf(related, "id"))}), '[]'::json) FROM (SELECT * FROM ${tableOf(
          scope,
          item.target.tableName,
        )} ${sql.raw(inner)} WHERE ${sql.raw(columnOf(inner, item.inverseJoinColumn))} = ${sql.raw(column("id"))} AND ${sql.raw(
          columnOf(inner, "deletedAt"),
        )} IS NULL ORDER BY ${sql.raw(columnOf(inner, "id"))} LIMIT ${sql.raw(String(item.limit))}) ${sql.raw(related)})${as}`;
      }
      case "connection":
        return sql`${connectionSql(scope, item.connection, { alias, joinColumn: item.inverseJoinColumn })}${as}`;
    }
  });
  const record = scope.nextAlias();
  return sql`(SELECT row_to_json(${sql.raw(record)}) FROM (SELECT ${sql.join(columns, sql.raw(", "))}) ${sql.raw(record)})`;
}

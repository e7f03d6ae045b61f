import { ident, literal, qualified } from "../../db/sql-text.ts";
import type { ColumnDefinition } from "../../field-types/field-type.ts";

/** `"name" type [GENERATED ...] [NOT NULL] [DEFAULT ...]` for CREATE TABLE and ADD COLUMN. */
export function columnSql(column: ColumnDefinition, primaryKey = false): string {
  const parts = [ident(column.name), column.sqlType];
  if (column.generatedSql) return `${parts.join(" ")} GENERATED ALWAYS AS (${column.generatedSql}) STORED`;
  if (primaryKey) parts.push("PRIMARY KEY");
  else if (!column.nullable) parts.push("NOT NULL");
  if (column.defaultSql) parts.push(`DEFAULT ${column.defaultSql}`);
  return parts.join(" ");
}

export function createEnumSql(schema: string, column: ColumnDefinition): string | undefined {
  if (!column.enumType) return undefined;
  const values = column.enumType.values.map(literal).join(", ");
  return `CREATE TYPE ${qualified(schema, column.enumType.name)} AS ENUM (${values})`;
}

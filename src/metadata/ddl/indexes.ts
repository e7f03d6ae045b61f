import { ident, qualified, shortHash } from "../../db/sql-text.ts";
import { compositeDefinition } from "../../field-types/registry.ts";
import { subFieldColumn } from "../names.ts";
import type { FieldMetadata, ObjectMetadata, RelationSettings } from "../types.ts";

/** Names fit Postgres' 63 characters whatever the table and column names, and stay stable across runs. */
export function indexName(prefix: "IDX" | "IDX_UNIQUE" | "FK", table: string, columns: string[]): string {
  return `${prefix}_${shortHash(`${table}:${columns.join(",")}`)}`;
}

/** The column a unique field is unique on: itself, or its composite's unique sub-field. */
export function uniqueColumn(field: FieldMetadata): string {
  const composite = compositeDefinition(field.type);
  if (!composite) return field.name;
  const part = composite.subFields.find((sub) => sub.isUniquePart);
  if (!part) throw new Error(`${field.type} fields cannot be unique`);
  return subFieldColumn(field.name, part.name);
}

/**
 * Unique among live rows, and empty text never collides: two people without an email are not duplicates.
 */
export function uniqueIndexSql(schema: string, object: ObjectMetadata, field: FieldMetadata): { name: string; sql: string } {
  const column = uniqueColumn(field);
  const name = indexName("IDX_UNIQUE", object.tableName, [column]);
  const isText = field.type !== "UUID" && field.type !== "NUMBER" && field.type !== "NUMERIC" && field.type !== "DATE" && field.type !== "DATE_TIME";
  const where = [`"deletedAt" IS NULL`, ...(isText ? [`${ident(column)} <> ''`] : [])].join(" AND ");
  return {
    name,
    sql: `CREATE UNIQUE INDEX ${ident(name)} ON ${qualified(schema, object.tableName)} (${ident(column)}) WHERE ${where}`,
  };
}

export function joinColumnIndexSql(schema: string, object: ObjectMetadata, joinColumn: string): string {
  const name = indexName("IDX", object.tableName, [joinColumn]);
  return `CREATE INDEX ${ident(name)} ON ${qualified(schema, object.tableName)} (${ident(joinColumn)})`;
}

/**
 * Indexes a list reads in order: the planner's ORDER BY is (key, id) among live rows, so each index is
 * (key ASC NULLS FIRST, id) where "deletedAt" IS NULL. Read forward it gives AscNullsFirst (the default
 * direction), read backward DescNullsLast; a filter on the key uses it as a range. Not on the label
 * identifier: a text value may be far longer than a btree entry can hold (~2.7 KB), and Twenty accepts it.
 */
export function listOrderIndexesSql(schema: string, object: ObjectMetadata): string[] {
  const keys = object.fields.filter((field) => (field.name === "position" && field.type === "POSITION") || (field.name === "createdAt" && field.type === "DATE_TIME"));
  const live = object.fields.some((field) => field.name === "deletedAt");
  return keys.map((field) => listOrderIndexSql(schema, object.tableName, field.name, live));
}

function listOrderIndexSql(schema: string, table: string, column: string, live: boolean): string {
  const name = indexName("IDX", table, [column, "id"]);
  return `CREATE INDEX ${ident(name)} ON ${qualified(schema, table)} (${ident(column)} ASC NULLS FIRST, "id")${live ? ` WHERE "deletedAt" IS NULL` : ""}`;
}

export function searchIndexSql(schema: string, object: ObjectMetadata, column: string): string {
  const name = indexName("IDX", object.tableName, [column]);
  return `CREATE INDEX ${ident(name)} ON ${qualified(schema, object.tableName)} USING GIN (${ident(column)})`;
}

const onDeleteSql: Record<string, string> = {
  CASCADE: "CASCADE",
  SET_NULL: "SET NULL",
  RESTRICT: "RESTRICT",
  NO_ACTION: "NO ACTION",
};

export function foreignKeySql(schema: string, object: ObjectMetadata, field: FieldMetadata, target: ObjectMetadata): string {
  const settings = field.settings as unknown as RelationSettings;
  const column = settings.joinColumnName ?? `${field.name}Id`;
  const name = indexName("FK", object.tableName, [column]);
  const action = onDeleteSql[settings.onDelete ?? "SET_NULL"] ?? "SET NULL";
  return (
    `ALTER TABLE ${qualified(schema, object.tableName)} ADD CONSTRAINT ${ident(name)} ` +
    `FOREIGN KEY (${ident(column)}) REFERENCES ${qualified(schema, target.tableName)} ("id") ON DELETE ${action}`
  );
}

import { ident, qualified } from "../../db/sql-text.ts";
import type { FieldMetadata, ObjectMetadata } from "../types.ts";
import { columnSql, createEnumSql } from "./column-sql.ts";
import { fieldConstraintsDdl, type UniqueIndex } from "./create-object.ts";
import { fieldColumns } from "./object-columns.ts";

const table = (schema: string, object: ObjectMetadata) => qualified(schema, object.tableName);

/** New columns (and their enum types, keys and indexes) for a field added to an existing table. */
export function addFieldDdl(
  schema: string,
  object: ObjectMetadata,
  field: FieldMetadata,
  objectsById: Map<string, ObjectMetadata>,
): { statements: string[]; uniqueIndex?: UniqueIndex } {
  const statements: string[] = [];
  const columns = fieldColumns(field, object, schema);
  for (const column of columns) {
    const enumSql = createEnumSql(schema, column);
    if (enumSql) statements.push(enumSql);
  }
  if (columns.length > 0) {
    statements.push(`ALTER TABLE ${table(schema, object)} ${columns.map((column) => `ADD COLUMN ${columnSql(column)}`).join(", ")}`);
  }
  const constraints = fieldConstraintsDdl(schema, object, field, objectsById);
  return { statements: [...statements, ...constraints.statements], ...(constraints.uniqueIndex ? { uniqueIndex: constraints.uniqueIndex } : {}) };
}

/** Dropping the columns drops their indexes and keys with them; the enum types go after. */
export function dropFieldDdl(schema: string, object: ObjectMetadata, field: FieldMetadata): string[] {
  const columns = fieldColumns(field, object, schema);
  if (columns.length === 0) return [];
  const statements = [`ALTER TABLE ${table(schema, object)} ${columns.map((column) => `DROP COLUMN ${ident(column.name)}`).join(", ")}`];
  for (const column of columns) if (column.enumType) statements.push(`DROP TYPE ${qualified(schema, column.enumType.name)}`);
  return statements;
}

/** Renames a field's columns and the enum types named after them. */
export function renameFieldDdl(schema: string, object: ObjectMetadata, before: FieldMetadata, after: FieldMetadata): string[] {
  const oldColumns = fieldColumns(before, object, schema);
  const newColumns = fieldColumns(after, object, schema);
  const statements: string[] = [];
  oldColumns.forEach((column, i) => {
    const next = newColumns[i]!;
    if (column.name !== next.name) statements.push(`ALTER TABLE ${table(schema, object)} RENAME COLUMN ${ident(column.name)} TO ${ident(next.name)}`);
    if (column.enumType && next.enumType && column.enumType.name !== next.enumType.name) {
      statements.push(`ALTER TYPE ${qualified(schema, column.enumType.name)} RENAME TO ${ident(next.enumType.name)}`);
    }
  });
  return statements;
}

/** NOT NULL and DEFAULT follow the field; a NOT NULL on a column holding nulls fails and rolls the change back. */
export function alterColumnsDdl(schema: string, object: ObjectMetadata, before: FieldMetadata, after: FieldMetadata): string[] {
  const oldColumns = fieldColumns(before, object, schema);
  const newColumns = fieldColumns(after, object, schema);
  const statements: string[] = [];
  newColumns.forEach((column, i) => {
    const old = oldColumns[i];
    if (!old || column.generatedSql) return;
    if (old.nullable !== column.nullable) {
      statements.push(`ALTER TABLE ${table(schema, object)} ALTER COLUMN ${ident(column.name)} ${column.nullable ? "DROP NOT NULL" : "SET NOT NULL"}`);
    }
    if (old.defaultSql !== column.defaultSql) {
      statements.push(
        `ALTER TABLE ${table(schema, object)} ALTER COLUMN ${ident(column.name)} ${column.defaultSql ? `SET DEFAULT ${column.defaultSql}` : "DROP DEFAULT"}`,
      );
    }
  });
  return statements;
}

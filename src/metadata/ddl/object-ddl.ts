import { ident, qualified } from "../../db/sql-text.ts";
import type { ObjectMetadata } from "../types.ts";
import { objectColumns } from "./object-columns.ts";

/** Drops a table and the enum types of its columns (other tables' keys to it must be gone first). */
export function dropObjectDdl(schema: string, object: ObjectMetadata): string[] {
  const statements = [`DROP TABLE ${qualified(schema, object.tableName)}`];
  for (const column of objectColumns(object, schema)) {
    if (column.enumType) statements.push(`DROP TYPE ${qualified(schema, column.enumType.name)}`);
  }
  return statements;
}

/** Renames a table and every enum type named after it. */
export function renameObjectDdl(schema: string, before: ObjectMetadata, after: ObjectMetadata): string[] {
  if (before.tableName === after.tableName) return [];
  const statements = [`ALTER TABLE ${qualified(schema, before.tableName)} RENAME TO ${ident(after.tableName)}`];
  const newColumns = objectColumns(after, schema);
  objectColumns(before, schema).forEach((column, i) => {
    const next = newColumns[i];
    if (column.enumType && next?.enumType && column.enumType.name !== next.enumType.name) {
      statements.push(`ALTER TYPE ${qualified(schema, column.enumType.name)} RENAME TO ${ident(next.enumType.name)}`);
    }
  });
  return statements;
}

import type { FieldMetadata, FieldType } from "../metadata/types.ts";
import { defaultSql } from "./default-sql.ts";
import type { ColumnDefinition, FieldTypeDefinition } from "./field-type.ts";

/** A field stored in one column of a fixed SQL type, named after the field. */
export function scalarColumn(field: FieldMetadata, sqlType: string, cast?: string): ColumnDefinition {
  const column: ColumnDefinition = { name: field.name, sqlType, nullable: field.isNullable };
  const fallback = defaultSql(field.defaultValue, cast);
  if (fallback) column.defaultSql = fallback;
  return column;
}

export function scalarType(types: readonly FieldType[], sqlType: string, extra: Partial<FieldTypeDefinition> = {}): FieldTypeDefinition {
  return { types, columns: (field) => [scalarColumn(field, sqlType)], ...extra };
}

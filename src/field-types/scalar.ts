import type { FieldMetadata, FieldType } from "../metadata/types.ts";
import { defaultSql } from "./default-sql.ts";
import type { ColumnContext, ColumnDefinition, FieldTypeDefinition } from "./field-type.ts";
import { scalarInput } from "./inputs/scalar-input.ts";
import { scalarFieldGraphQL } from "./graphql-sdl.ts";
import type { Leaf } from "./leaves/leaf.ts";

/** A field stored in one column of a fixed SQL type, named after the field. */
export function scalarColumn(field: FieldMetadata, sqlType: string, cast?: string): ColumnDefinition {
  const column: ColumnDefinition = { name: field.name, sqlType, nullable: field.isNullable };
  const fallback = defaultSql(field.defaultValue, cast);
  if (fallback) column.defaultSql = fallback;
  return column;
}

/** A one-column type whose behaviour is one leaf (fixed, or built from the field, as for enums). */
export function scalarType(
  types: readonly FieldType[],
  sqlType: string,
  leaf: Leaf | ((field: FieldMetadata, context: ColumnContext) => Leaf),
  extra: Partial<FieldTypeDefinition> = {},
): FieldTypeDefinition {
  const leafOf = (field: FieldMetadata, context: ColumnContext) => (typeof leaf === "function" ? leaf(field, context) : leaf);
  return {
    types,
    columns: (field) => [scalarColumn(field, sqlType)],
    leaves: (field, context) => [{ column: field.name, leaf: leafOf(field, context) }],
    output: (field, context, column) => leafOf(field, context).output(column(field.name)),
    input: (field, value, context) => scalarInput(leafOf(field, context))(field, value, context),
    schema: (field, context) => {
      const leaf = leafOf(field, context);
      return field.isNullable && leaf.typeName !== "TEXT" ? leaf.schema().nullable() : leaf.schema();
    },
    graphql: (field, context) => scalarFieldGraphQL(leafOf(field, context), ""),
    ...extra,
  };
}

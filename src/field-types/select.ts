import { qualified } from "../db/sql-text.ts";
import type { FieldMetadata } from "../metadata/types.ts";
import { defaultSql } from "./default-sql.ts";
import { enumTypeNameFor, scalarFieldGraphQL } from "./graphql-sdl.ts";
import type { ColumnContext, FieldTypeDefinition } from "./field-type.ts";
import { scalarInput } from "./inputs/scalar-input.ts";
import { enumArrayLeaf, enumLeaf } from "./leaves/enum.ts";

/** Enum types are per column and schema-qualified, as Twenty names them: `<table>_<column>_enum`. */
export function enumTypeName(table: string, column: string): string {
  return `${table}_${column}_enum`;
}

const optionValues = (field: FieldMetadata) => (field.options ?? []).map((option) => option.value);
const enumType = (field: FieldMetadata, context: ColumnContext) => qualified(context.schema, enumTypeName(context.table, field.name));

function enumColumn(field: FieldMetadata, context: ColumnContext, isArray: boolean) {
  const name = enumTypeName(context.table, field.name);
  const type = enumType(field, context);
  const fallback = defaultSql(field.defaultValue, type);
  return {
    name: field.name,
    sqlType: isArray ? `${type}[]` : type,
    nullable: field.isNullable,
    enumType: { name, values: optionValues(field) },
    ...(fallback ? { defaultSql: fallback } : {}),
  };
}

const selectLeaf = (field: FieldMetadata, context: ColumnContext) => enumLeaf(field.type, optionValues(field), enumType(field, context));
const multiSelectLeaf = (field: FieldMetadata, context: ColumnContext) => enumArrayLeaf(optionValues(field), enumType(field, context));

export const selectType: FieldTypeDefinition = {
  types: ["SELECT", "RATING"],
  columns: (field, context) => [enumColumn(field, context, false)],
  leaves: (field, context) => [{ column: field.name, leaf: selectLeaf(field, context) }],
  output: (field, _context, column) => column(field.name),
  input: (field, value, context) => scalarInput(selectLeaf(field, context))(field, value, context),
  schema: (field, context) => selectLeaf(field, context).schema().nullable(),
  graphql: (field, context) => scalarFieldGraphQL(selectLeaf(field, context), enumTypeNameFor(context.objectTypeName, field.name), optionValues(field)),
};

export const multiSelectType: FieldTypeDefinition = {
  types: ["MULTI_SELECT"],
  columns: (field, context) => [enumColumn(field, context, true)],
  leaves: (field, context) => [{ column: field.name, leaf: multiSelectLeaf(field, context) }],
  output: (field, _context, column) => column(field.name),
  input: (field, value, context) => scalarInput(multiSelectLeaf(field, context))(field, value, context),
  schema: (field, context) => multiSelectLeaf(field, context).schema().nullable(),
  graphql: (field, context) => scalarFieldGraphQL(multiSelectLeaf(field, context), enumTypeNameFor(context.objectTypeName, field.name), optionValues(field)),
};

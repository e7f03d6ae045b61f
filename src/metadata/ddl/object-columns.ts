import type { ColumnDefinition } from "../../field-types/field-type.ts";
import { fieldTypeDefinition } from "../../field-types/registry.ts";
import type { FieldMetadata, ObjectMetadata } from "../types.ts";

export interface FieldColumn extends ColumnDefinition {
  field: FieldMetadata;
}

/** Every physical column of an object, each with the field it belongs to, as the registry defines them. */
export function objectColumns(object: ObjectMetadata, schema: string): FieldColumn[] {
  return object.fields.flatMap((field) => fieldColumns(field, object, schema));
}

export function fieldColumns(field: FieldMetadata, object: ObjectMetadata, schema: string): FieldColumn[] {
  return fieldTypeDefinition(field.type)
    .columns(field, { schema, table: object.tableName })
    .map((column) => ({ ...column, field }));
}

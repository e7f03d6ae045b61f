import type { FieldMetadata, FieldType } from "../metadata/types.ts";

/** Where a field's columns live, for names that depend on the table (enum types). */
export interface ColumnContext {
  schema: string;
  table: string;
}

/** One physical column of a field (a composite field has one per sub-field). */
export interface ColumnDefinition {
  name: string;
  /** The composite sub-field this column stores, e.g. `primaryEmail`. */
  subField?: string;
  /** SQL type, schema-qualified for enum types. */
  sqlType: string;
  nullable: boolean;
  /** SQL expression for DEFAULT. */
  defaultSql?: string;
  /** Set when the column needs an enum type of its own: its unqualified name and values. */
  enumType?: { name: string; values: string[] };
  /** Expression of a GENERATED ALWAYS ... STORED column. */
  generatedSql?: string;
}

/**
 * One module per family of field types says everything about them in one place. The metadata engine (DDL)
 * reads `columns`; the query core, REST, GraphQL and OpenAPI read the other members as they are added.
 */
export interface FieldTypeDefinition {
  types: readonly FieldType[];
  columns(field: FieldMetadata, context: ColumnContext): ColumnDefinition[];
  /** SQL text expressions (over the given table alias) that feed the object's search vector. */
  searchText?(field: FieldMetadata, column: (name: string) => string): string[];
}

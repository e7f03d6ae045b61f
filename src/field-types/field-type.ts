import type { z } from "@hono/zod-openapi";
import type { FieldMetadata, FieldType } from "../metadata/types.ts";
import type { Leaf } from "./leaves/leaf.ts";

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

/** One filterable, orderable column of a field: the field itself, or one composite sub-field. */
export interface FieldLeaf {
  subField?: string;
  column: string;
  leaf: Leaf;
  /** Sub-fields the server fills (ACTOR's name and member) take no input. */
  hiddenOnInput?: boolean;
}

/** A value to write into one column, with the SQL type its parameter is cast to. */
export interface ColumnValue {
  column: string;
  value: unknown;
  cast: string;
}

export interface InputContext extends ColumnContext {
  /** The input path, for messages: `emails`, `name.firstName`. */
  key: string;
}

/** Names a field's per-field GraphQL types after: `Pascal(object)`, as in `OpportunityStageEnum`. */
export interface GraphQLFieldContext extends ColumnContext {
  objectTypeName: string;
}

/**
 * A field in the workspace GraphQL schema. Type names are bare (no `!`); `typeDefs` are the named SDL blocks
 * the field needs (composite types, enums, filter inputs), the same text under the same name everywhere.
 */
export interface FieldGraphQL {
  output: string;
  filter?: string;
  orderBy?: string;
  /** In create and update inputs; absent for what clients cannot write. */
  input?: string;
  /** In update inputs, when it differs from `input` (composites: `LinksUpdateInput`). */
  updateInput?: string;
  typeDefs: Array<[name: string, sdl: string]>;
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
  /** The columns a filter or an order can name, with their behaviour. Relations list their join column. */
  leaves(field: FieldMetadata, context: ColumnContext): FieldLeaf[];
  /** Reads a record input value: checked, normalised, split into columns. Absent for relations and search vectors. */
  input?(field: FieldMetadata, value: unknown, context: InputContext): ColumnValue[];
  /** The field's value in OpenAPI documents. Absent for relations (documented by their join column). */
  schema?(field: FieldMetadata, context: ColumnContext): z.ZodType;
  /** What clients write, when it differs from what they read (FILES: `{fileId, label}` items). */
  inputSchema?(field: FieldMetadata, context: ColumnContext): z.ZodType;
  /** SQL of the field's JSON value in a record (`column` quotes a column of the row). Absent for relations. */
  output?(field: FieldMetadata, context: ColumnContext, column: (name: string) => string): string;
  /** Composites: SQL of one sub-field's JSON value, for a caller that selects sub-fields (GraphQL). */
  subFieldOutput?(field: FieldMetadata, context: ColumnContext, column: (name: string) => string, subField: string): string;
  /** The field's GraphQL types. Absent for relations, which the schema builder shapes from the metadata. */
  graphql?(field: FieldMetadata, context: GraphQLFieldContext): FieldGraphQL;
}

import { qualified } from "../db/sql-text.ts";
import { subFieldColumn } from "../metadata/names.ts";
import { z } from "@hono/zod-openapi";
import type { FieldType } from "../metadata/types.ts";
import { defaultSql } from "./default-sql.ts";
import type { ColumnDefinition, FieldGraphQL, FieldLeaf, FieldTypeDefinition } from "./field-type.ts";
import { compositeInput, type CompositeNormalizer } from "./inputs/composite-input.ts";
import { enumLeaf } from "./leaves/enum.ts";
import { uuidLeaf } from "./leaves/identity.ts";
import type { Leaf } from "./leaves/leaf.ts";
import { numericLeaf } from "./leaves/number.ts";
import { jsonLeaf } from "./leaves/structured.ts";
import { nullableTextLeaf, textLeaf } from "./leaves/text.ts";
import { enumTypeName } from "./select.ts";
import { enumTypeNameFor, leafTypes } from "./graphql-sdl.ts";

export type SubFieldKind = "TEXT" | "NUMERIC" | "RAW_JSON" | "UUID" | "ENUM";

export interface SubFieldDefinition {
  name: string;
  kind: SubFieldKind;
  /** Used when the field's own default names no value for this sub-field. */
  defaultValue: unknown;
  enumValues?: readonly string[];
  /** Set by the server, never taken from input (ACTOR's workspaceMemberId and name). */
  hiddenOnInput?: boolean;
  /** The sub-field a unique field is unique on (primaryEmail, primaryLinkUrl, primaryPhoneNumber). */
  isUniquePart?: boolean;
  /** Its text feeds search vectors. */
  searchable?: boolean;
  /** Text that stays null when absent instead of reading as '' (rich text bodies). */
  nullable?: boolean;
  /** JSON written out when the column is null (`[]` for lists, `{}` for context). */
  emptyJson?: "[]" | "{}";
  /** Never null in records, and required when the composite is given on create (Twenty 2.21's ACTOR source and name). */
  nonNull?: boolean;
}

export interface CompositeTypeDefinition extends FieldTypeDefinition {
  subFields: readonly SubFieldDefinition[];
}

const sqlTypes: Record<Exclude<SubFieldKind, "ENUM">, string> = {
  TEXT: "text",
  NUMERIC: "numeric",
  RAW_JSON: "jsonb",
  UUID: "uuid",
};

/** A composite field stores each sub-field in its own column, `<field><SubField>`. */
export function compositeType(type: FieldType, subFields: SubFieldDefinition[], normalize?: CompositeNormalizer): CompositeTypeDefinition {
  const definition: CompositeTypeDefinition = {
    types: [type],
    subFields,
    columns(field, context) {
      const defaults = (field.defaultValue ?? {}) as Record<string, unknown>;
      return subFields.map((sub): ColumnDefinition => {
        const name = subFieldColumn(field.name, sub.name);
        const value = sub.name in defaults ? defaults[sub.name] : sub.defaultValue;
        if (sub.kind === "ENUM") {
          const enumName = enumTypeName(context.table, name);
          const type = qualified(context.schema, enumName);
          const fallback = defaultSql(value, type);
          return { name, subField: sub.name, sqlType: type, nullable: true, enumType: { name: enumName, values: [...(sub.enumValues ?? [])] }, ...(fallback ? { defaultSql: fallback } : {}) };
        }
        const fallback = defaultSql(value, sub.kind === "RAW_JSON" ? "jsonb" : undefined);
        return { name, subField: sub.name, sqlType: sqlTypes[sub.kind], nullable: true, ...(fallback ? { defaultSql: fallback } : {}) };
      });
    },
    searchText(field, column) {
      return subFields.filter((sub) => sub.searchable).map((sub) => column(subFieldColumn(field.name, sub.name)));
    },
    leaves(field, context) {
      return subFields.map((sub): FieldLeaf => {
        const column = subFieldColumn(field.name, sub.name);
        return { subField: sub.name, column, leaf: subFieldLeaf(sub, qualified(context.schema, enumTypeName(context.table, column))), ...(sub.hiddenOnInput ? { hiddenOnInput: true } : {}) };
      });
    },
    output(field, context, column) {
      const parts = subFields.map((sub) => `'${sub.name}', ${definition.subFieldOutput!(field, context, column, sub.name)}`);
      return `json_build_object(${parts.join(", ")})`;
    },
    subFieldOutput(field, context, column, subField) {
      const { column: name, leaf } = definition.leaves(field, context).find((l) => l.subField === subField)!;
      const sub = subFields.find((s) => s.name === subField)!;
      return sub.emptyJson ? `coalesce(${column(name)}, '${sub.emptyJson}'::jsonb)` : leaf.output(column(name));
    },
    input: (field, value, context) => compositeInput((f, c) => definition.leaves(f, c), normalize)(field, value, context),
    schema(field, context) {
      // Enum sub-fields name no per-table type here, so the shape is the same for every field of the type.
      component ??= z
        .object(Object.fromEntries(definition.leaves(field, context).map((l) => [l.subField!, l.leaf.schema().nullable()])))
        .openapi(compositeNames[type] ?? type);
      return component;
    },
    graphql(field, context) {
      graphql ??= compositeGraphQL(compositeNames[type] ?? type, definition.leaves(field, context), subFields);
      return graphql;
    },
  };
  let graphql: FieldGraphQL | undefined;
  let component: z.ZodType | undefined;
  return definition;
}

/** Component names of composite values in OpenAPI documents, Twenty's GraphQL names. */
const compositeNames: Partial<Record<FieldType, string>> = {
  CURRENCY: "Currency",
  FULL_NAME: "FullName",
  ADDRESS: "Address",
  LINKS: "Links",
  EMAILS: "Emails",
  PHONES: "Phones",
  ACTOR: "Actor",
  RICH_TEXT: "RichText",
};

function subFieldLeaf(sub: SubFieldDefinition, enumType: string): Leaf {
  switch (sub.kind) {
    case "TEXT":
      return sub.nullable ? nullableTextLeaf : textLeaf;
    case "NUMERIC":
      return numericLeaf;
    case "RAW_JSON":
      return jsonLeaf;
    case "UUID":
      return uuidLeaf;
    case "ENUM":
      return enumLeaf("SELECT", sub.enumValues ?? [], enumType);
  }
}

/**
 * A composite's GraphQL types are the same for every field of the type (`Links`, `LinksFilterInput`,
 * `LinksOrderByInput`, `LinksCreateInput`, `LinksUpdateInput`), built from its sub-field leaves; enum
 * sub-fields get `<Type><SubField>Enum`.
 */
function compositeGraphQL(typeName: string, leaves: FieldLeaf[], subFields: readonly SubFieldDefinition[]): FieldGraphQL {
  const typeDefs: Array<[string, string]> = [];
  const lines = { output: [] as string[], filter: [] as string[], orderBy: [] as string[], create: [] as string[], update: [] as string[] };
  for (const { subField, leaf, hiddenOnInput } of leaves) {
    const sub = subFields.find((s) => s.name === subField)!;
    const types = leafTypes(leaf, enumTypeNameFor(typeName, sub.name), sub.enumValues ?? []);
    typeDefs.push(...types.typeDefs);
    const bang = sub.nonNull ? "!" : "";
    lines.output.push(`  ${sub.name}: ${types.type}${bang}`);
    lines.filter.push(`  ${sub.name}: ${types.filter}`);
    lines.orderBy.push(`  ${sub.name}: OrderByDirection`);
    if (!hiddenOnInput) {
      lines.create.push(`  ${sub.name}: ${types.type}${bang}`);
      lines.update.push(`  ${sub.name}: ${types.type}`);
    }
  }
  const block = (keyword: string, name: string, body: string[]): [string, string] => [name, `${keyword} ${name} {\n${body.join("\n")}\n}`];
  typeDefs.push(
    block("type", typeName, lines.output),
    block("input", `${typeName}FilterInput`, lines.filter),
    block("input", `${typeName}OrderByInput`, lines.orderBy),
    block("input", `${typeName}CreateInput`, lines.create),
    block("input", `${typeName}UpdateInput`, lines.update),
  );
  return { output: typeName, filter: `${typeName}FilterInput`, orderBy: `${typeName}OrderByInput`, input: `${typeName}CreateInput`, updateInput: `${typeName}UpdateInput`, typeDefs };
}

import { z } from "@hono/zod-openapi";
import { invalidValue, type Leaf } from "./leaf.ts";

/** RAW_JSON, and the JSON sub-fields of composites (secondary links, additional emails, context). */
export const jsonLeaf: Leaf = {
  typeName: "RAW_JSON",
  operators: ["is", "like", "ilike"],
  sqlType: "jsonb",
  parse(value, field, source) {
    if (source === "text" && typeof value === "string") return value;
    if (value === undefined) throw invalidValue(`Invalid JSON value for field "${field}"`);
    return value;
  },
  output: (column) => column,
  schema: () => z.unknown(),
  graphql: { type: "JSON", filter: "RawJsonFilter", operand: "String" },
};

/** ARRAY fields: a list of strings. */
export const textArrayLeaf: Leaf = {
  typeName: "ARRAY",
  operators: ["containsIlike", "containsAny", "is", "isEmptyArray"],
  sqlType: "text",
  parse(value, field) {
    if (typeof value === "string") return value;
    throw invalidValue(`Invalid text value ${JSON.stringify(value)} for field "${field}"`);
  },
  output: (column) => column,
  schema: () => z.array(z.string()),
  isArray: true,
  graphql: { type: "String", filter: "ArrayFilter" },
};

export const tsVectorLeaf: Leaf = {
  typeName: "TS_VECTOR",
  operators: ["search"],
  sqlType: "text",
  parse(value, field) {
    if (typeof value === "string") return value;
    throw invalidValue(`Invalid search value for field "${field}"`);
  },
  output: (column) => `${column}::text`,
  graphql: { type: "TSVector", filter: "TSVectorFilter", operand: "String" },
  schema: () => z.string(),
};

import { z } from "@hono/zod-openapi";
import { commonOperators, invalidValue, type Leaf } from "./leaf.ts";

function parseNumber(value: unknown, field: string, source: string): number {
  const parsed = typeof value === "number" ? value : source === "text" && typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  if (!Number.isFinite(parsed)) {
    throw invalidValue(typeof value === "string" || typeof value === "number" ? `Invalid number value NaN for field "${field}"` : `Invalid number value ${JSON.stringify(value)} for field "${field}"`);
  }
  return parsed;
}

export const numberLeaf: Leaf = {
  typeName: "NUMBER",
  operators: commonOperators,
  sqlType: "double precision",
  parse: parseNumber,
  output: (column) => column,
  schema: () => z.number(),
  graphql: { type: "Float", filter: "FloatFilter" },
};

/** Exact decimals (currency micros, coordinates); written to JSON as numbers like Twenty's BigFloat. */
export const numericLeaf: Leaf = {
  ...numberLeaf,
  typeName: "NUMERIC",
  sqlType: "numeric",
  parse: (value, field, source) => String(parseNumber(value, field, source === "json" && typeof value === "string" ? "text" : source)),
  graphql: { type: "BigFloat", filter: "BigFloatFilter" },
};

export const positionLeaf: Leaf = { ...numberLeaf, typeName: "POSITION", graphql: { type: "Position", filter: "FloatFilter", operand: "Float" } };

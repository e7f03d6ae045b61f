import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { isCalendarDate } from "../../field-types/leaves/temporal.ts";
import { isUuid } from "../../ids/uuid.ts";
import { valueText } from "../../field-types/leaves/leaf.ts";

export const scalarTypeDefs = /* GraphQL */ `
  scalar UUID
  scalar DateTime
  scalar JSON
  scalar JSONObject
  scalar ConnectionCursor
  scalar Date
  scalar BigFloat
  scalar BigInt
  scalar Position
  scalar TSVector
  scalar Cursor
`;


function parseUuid(value: unknown): string {
  if (typeof value !== "string") throw new GraphQLError("UUID must be a string");
  if (!isUuid(value)) throw new GraphQLError("Invalid UUID");
  return value;
}

function literalValue(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literalValue(field.value)]));
    default:
      throw new GraphQLError("Variables inside JSON literals are not supported");
  }
}

const json = (name: string) =>
  new GraphQLScalarType({ name, serialize: (v) => v, parseValue: (v) => v, parseLiteral: literalValue });

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value !== "string" || !datePattern.test(value) || !isCalendarDate(value)) throw new GraphQLError(`Invalid Date: ${JSON.stringify(value)}, expected yyyy-MM-dd`);
  return value;
}

/** A scalar whose values are strings (or, when `numbers` is set, numbers too), checked by `check`. */
function textScalar(name: string, check: (value: unknown) => unknown) {
  return new GraphQLScalarType({
    name,
    serialize: (v) => v,
    parseValue: check,
    parseLiteral: (ast) => check(ast.kind === Kind.STRING ? ast.value : ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? Number(ast.value) : undefined),
  });
}

/** Decimal text kept exact on input; written out as a number, as Twenty does. */
function parseDecimal(name: string) {
  return (value: unknown) => {
    if ((typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value))) return String(value);
    throw new GraphQLError(`${name} must be a number`);
  };
}

function parsePosition(value: unknown): number | "first" | "last" {
  if (value === "first" || value === "last" || (typeof value === "number" && Number.isFinite(value))) return value;
  throw new GraphQLError(`Invalid position value: '${valueText(value)}'. Position must be 'first', 'last', or a number`);
}

function parseCursor(value: unknown): string {
  if (typeof value !== "string") throw new GraphQLError("Cursor must be a string");
  return value;
}

export const scalarResolvers = {
  Date: textScalar("Date", parseDate),
  BigFloat: new GraphQLScalarType({
    name: "BigFloat",
    serialize: (v) => (typeof v === "string" ? Number.parseFloat(v) : v),
    parseValue: parseDecimal("BigFloat"),
    parseLiteral: (ast) => parseDecimal("BigFloat")(ast.kind === Kind.STRING ? ast.value : ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : undefined),
  }),
  BigInt: textScalar("BigInt", parseDecimal("BigInt")),
  Position: textScalar("Position", parsePosition),
  TSVector: json("TSVector"),
  Cursor: textScalar("Cursor", parseCursor),
  UUID: new GraphQLScalarType({
    name: "UUID",
    serialize: (value) => value,
    parseValue: parseUuid,
    parseLiteral: (ast) => parseUuid(ast.kind === Kind.STRING ? ast.value : undefined),
  }),
  DateTime: new GraphQLScalarType({
    name: "DateTime",
    serialize: (value) => (value instanceof Date ? value.toISOString() : typeof value === "string" ? new Date(value).toISOString() : value),
    // Resolvers get ISO text, the form record inputs and filters read everywhere (REST sends the same).
    parseValue: (value) => {
      const date = typeof value === "string" ? new Date(value) : new Date(NaN);
      if (Number.isNaN(date.getTime())) throw new GraphQLError(`Invalid DateTime: ${JSON.stringify(value)}`);
      return date.toISOString();
    },
    parseLiteral: (ast) => {
      const date = ast.kind === Kind.STRING ? new Date(ast.value) : new Date(NaN);
      if (Number.isNaN(date.getTime())) throw new GraphQLError("Invalid DateTime");
      return date.toISOString();
    },
  }),
  JSON: json("JSON"),
  JSONObject: json("JSONObject"),
  ConnectionCursor: new GraphQLScalarType({
    name: "ConnectionCursor",
    serialize: (v) => v,
    parseValue: (v) => {
      if (typeof v !== "string") throw new GraphQLError("Cursor must be a string");
      return v;
    },
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError("Cursor must be a string");
      return ast.value;
    },
  }),
};

import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";

export const scalarTypeDefs = /* GraphQL */ `
  scalar UUID
  scalar DateTime
  scalar JSON
  scalar JSONObject
  scalar ConnectionCursor
`;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseUuid(value: unknown): string {
  if (typeof value !== "string") throw new GraphQLError("UUID must be a string");
  if (!uuidPattern.test(value)) throw new GraphQLError("Invalid UUID");
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

export const scalarResolvers = {
  UUID: new GraphQLScalarType({
    name: "UUID",
    serialize: (value) => value,
    parseValue: parseUuid,
    parseLiteral: (ast) => parseUuid(ast.kind === Kind.STRING ? ast.value : undefined),
  }),
  DateTime: new GraphQLScalarType({
    name: "DateTime",
    serialize: (value) => (value instanceof Date ? value.toISOString() : typeof value === "string" ? new Date(value).toISOString() : value),
    parseValue: (value) => {
      const date = typeof value === "string" ? new Date(value) : new Date(NaN);
      if (Number.isNaN(date.getTime())) throw new GraphQLError(`Invalid DateTime: ${JSON.stringify(value)}`);
      return date;
    },
    parseLiteral: (ast) => {
      const date = ast.kind === Kind.STRING ? new Date(ast.value) : new Date(NaN);
      if (Number.isNaN(date.getTime())) throw new GraphQLError("Invalid DateTime");
      return date;
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

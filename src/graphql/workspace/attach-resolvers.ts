import { GraphQLScalarType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";

type ResolverMap = Record<string, unknown>;

/**
 * Puts resolver maps (`{ Type: { field: fn } }`, scalars as GraphQLScalarType) onto a schema built by graphql's
 * own `buildASTSchema`: the per-workspace schema is large (hundreds of types), and building it this way takes a
 * fraction of the time a merging schema toolkit needs, which a cold Worker isolate pays on its first request.
 */
export function attachResolvers(schema: GraphQLSchema, maps: ResolverMap[]): void {
  for (const map of maps) {
    for (const [typeName, value] of Object.entries(map)) {
      const type = schema.getType(typeName);
      if (type instanceof GraphQLScalarType && value instanceof GraphQLScalarType) {
        type.serialize = value.serialize;
        type.parseValue = value.parseValue;
        type.parseLiteral = value.parseLiteral;
        continue;
      }
      if (!isObjectType(type) || !value || typeof value !== "object") continue;
      const fields = type.getFields();
      for (const [fieldName, resolver] of Object.entries(value as ResolverMap)) {
        const field = fields[fieldName];
        if (!field) continue;
        if (typeof resolver === "function") field.resolve = resolver as GraphQLFieldResolver<unknown, unknown>;
        else if (resolver && typeof resolver === "object") Object.assign(field, resolver);
      }
    }
  }
}

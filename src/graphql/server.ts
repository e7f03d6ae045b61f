import type { GraphQLSchema } from "graphql";
import { createYoga } from "graphql-yoga";
import type { GraphQLContext } from "./context.ts";
import { maskError } from "./errors.ts";

/** A Yoga server for one endpoint; the request's services come in as the server context. */
export function createGraphQLServer(endpoint: string, schema: GraphQLSchema) {
  return createYoga<GraphQLContext>({
    graphqlEndpoint: endpoint,
    schema,
    maskedErrors: { maskError: (error) => maskError(error) },
    graphiql: false,
    landingPage: false,
    cors: false,
    logging: false,
  });
}

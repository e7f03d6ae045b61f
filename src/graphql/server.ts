import { createYoga, type YogaSchemaDefinition } from "graphql-yoga";
import type { GraphQLContext } from "./context.ts";
import { maskError } from "./errors.ts";
import { useAnonymousRootFields } from "./anonymous-root-fields.ts";
import { useGraphQLLimits } from "./limits/plugin.ts";
import { useLenientRecordFields } from "./workspace/lenient-record-fields.ts";
import { useSqlShapedResults } from "./workspace/sql-shaped-execution.ts";

/**
 * A Yoga server for one endpoint; the request's services come in as the server context. `schema` may be a
 * function of that context (a per-workspace schema): the limits check whatever schema Yoga validates against.
 */
export function createGraphQLServer(endpoint: string, schema: YogaSchemaDefinition<GraphQLContext, {}>) {
  return createYoga<GraphQLContext>({
    graphqlEndpoint: endpoint,
    schema,
    // The lenient rule goes first: the limits may replace validation outright when they refuse a document.
    plugins: [useLenientRecordFields(), useGraphQLLimits(), useAnonymousRootFields(), useSqlShapedResults()],
    maskedErrors: { maskError: (error) => maskError(error) },
    // A browser GET with Accept: text/html gets GraphiQL only on a development server; the page loads its
    // assets from a CDN and introspection still needs a token (set it in GraphiQL's headers tab).
    graphiql: (_request, context) => (context.config.ENVIRONMENT === "development" ? { title: `crm-edge ${endpoint}` } : false),
    landingPage: false,
    cors: false,
    logging: false,
  });
}

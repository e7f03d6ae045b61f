import { GraphQLError, type ASTNode } from "graphql";

/**
 * A refused document, as Twenty reports query-too-complex problems. Yoga answers validation errors with 400
 * to a client that prefers application/graphql-response+json; Twenty answers 200, hence the explicit status
 * (Yoga reads `extensions.http` and strips it from the body).
 */
export function limitError(message: string, subCode: string, node?: ASTNode): GraphQLError {
  return new GraphQLError(message, {
    ...(node ? { nodes: node } : {}),
    extensions: {
      code: "GRAPHQL_VALIDATION_FAILED",
      subCode,
      userFriendlyMessage: "The request is too complex to process. Please try reducing the amount of requested fields.",
      http: { status: 200 },
    },
  });
}

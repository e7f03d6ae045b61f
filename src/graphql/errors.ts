import { GraphQLError } from "graphql";
import { databaseFailure } from "../db/database-errors.ts";
import { AppError } from "../errors/app-error.ts";

const codesByStatus: Record<number, string> = {
  400: "BAD_USER_INPUT",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  429: "TOO_MANY_REQUESTS",
  503: "SERVICE_UNAVAILABLE",
};

/** Errors whose REST status does not say what GraphQL calls them. */
const codesBySubCode: Record<string, string> = {
  PERMISSION_DENIED: "FORBIDDEN",
};

/**
 * Twenty's GraphQL errors: HTTP 200, `extensions.code`, plus our stable code as `subCode`. `at` is the error
 * graphql-js raised around it, whose locations and path say which root field failed (its data is null).
 */
export function toGraphQLError(error: AppError, at?: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    ...(at ? { nodes: at.nodes, source: at.source, positions: at.positions, path: at.path } : {}),
    extensions: {
      code: codesBySubCode[error.code] ?? codesByStatus[error.status] ?? "INTERNAL_SERVER_ERROR",
      subCode: error.code,
      userFriendlyMessage: error.message,
      // Yoga answers with this status and headers (and drops `http` from the body): a client sees the 503
      // and its Retry-After as on REST, where a 200 would say the outage is a final answer.
      ...(error.status === 503 ? { http: { status: 503, headers: error.headers } } : {}),
    },
  });
}

/** Anything else is hidden behind a generic message; the original goes to the logs. */
export function maskError(error: unknown): GraphQLError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  const at = error instanceof GraphQLError ? error : undefined;
  if (original instanceof AppError) return toGraphQLError(original, at);
  const refused = databaseFailure(original);
  if (refused) {
    logMasked(original);
    return toGraphQLError(refused, at);
  }
  if (error instanceof GraphQLError && !error.originalError) return error;
  // A scalar that refuses a literal or a variable (a bad UUID, a bad date) throws a GraphQLError: the
  // caller's mistake, not ours.
  if (error instanceof GraphQLError && original instanceof GraphQLError) {
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      path: error.path,
      extensions: { code: "BAD_USER_INPUT", userFriendlyMessage: original.message, ...original.extensions },
    });
  }
  logMasked(original);
  return new GraphQLError("Internal server error", { extensions: { code: "INTERNAL_SERVER_ERROR" } });
}

/** The masked error has no request context here; one JSON line keeps it findable in the Worker's logs. */
function logMasked(original: unknown): void {
  console.error(JSON.stringify({ level: "error", message: "GraphQL operation failed", error: original instanceof Error ? original.stack : String(original) }));
}

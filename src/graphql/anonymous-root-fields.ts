import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GraphQLContext } from "./context.ts";

const unknownRootField = /^Cannot query field "[^"]+" on type "(Query|Mutation)"/;

/**
 * Without a token /graphql serves only the public schema, so `companies` would fail validation as an
 * unknown field; the caller's real problem is the missing token (spec README: UNAUTHENTICATED "Missing
 * authentication token"), and that is what they are told.
 */
export function useAnonymousRootFields(): Plugin<GraphQLContext> {
  return {
    onValidate({ context }) {
      if (context.auth) return;
      return ({ result, setResult }) => {
        if (result.length === 0 || !result.some((error) => unknownRootField.test(error.message))) return;
        setResult([new GraphQLError("Missing authentication token", { extensions: { code: "UNAUTHENTICATED", subCode: "UNAUTHENTICATED", userFriendlyMessage: "Missing authentication token" } })]);
      };
    },
  };
}

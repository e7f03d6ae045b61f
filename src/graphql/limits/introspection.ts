import { GraphQLError, SchemaMetaFieldDef, TypeMetaFieldDef, type ASTVisitor, type ValidationContext } from "graphql";

const introspectionFields = new Set([SchemaMetaFieldDef.name, TypeMetaFieldDef.name]);

/**
 * Added only for callers without a valid token. The schema describes every workspace object, so it is not
 * for anonymous callers; `__typename` reveals nothing and stays open. The function's name is part of Yoga's
 * validation-cache key, which is what keeps an anonymous request from reusing an authenticated result.
 */
export function IntrospectionNeedsAuthentication(context: ValidationContext): ASTVisitor {
  return {
    // Every field node, fragments included: these meta fields are only valid at the root, anywhere else
    // graphql's own rules refuse them anyway.
    Field(node) {
      if (!introspectionFields.has(node.name.value)) return;
      context.reportError(
        new GraphQLError(`Unauthenticated - Introspection (${node.name.value}) needs a valid access token`, {
          nodes: node,
          extensions: {
            code: "UNAUTHENTICATED",
            subCode: "UNAUTHENTICATED",
            userFriendlyMessage: "You must be signed in to explore the schema.",
            // Twenty answers auth errors with 200; Yoga may make a validation error 400 (see limit-error.ts).
            http: { status: 200 },
          },
        }),
      );
    },
  };
}

import type { Plugin } from "graphql-yoga";
import type { GraphQLContext } from "../context.ts";
import { defaultGraphQLLimits, type GraphQLLimits } from "./config.ts";
import { checkDocumentLimits, checkSourceLimits } from "./document-limits.ts";
import { IntrospectionNeedsAuthentication } from "./introspection.ts";
import { nulCharacterRefusal } from "./nul-character.ts";

/**
 * Refuses oversized documents before they are parsed and overcomplex ones before graphql's own validation,
 * keeps introspection for authenticated callers, and refuses NUL characters before a resolver runs. The checks read whatever schema Yoga validates
 * against, so they hold for a per-request schema too.
 */
export function useGraphQLLimits(limits: GraphQLLimits = defaultGraphQLLimits): Plugin<GraphQLContext> {
  return {
    onParse({ params }) {
      const text = typeof params.source === "string" ? params.source : params.source.body;
      const refused = checkSourceLimits(text, limits);
      if (refused) throw refused;
    },
    onValidate({ context, params, addValidationRule, setValidationFn }) {
      if (!context.auth) addValidationRule(IntrospectionNeedsAuthentication);
      const refused = checkDocumentLimits(params.documentAST, params.schema, limits);
      // Replacing validation rather than adding rules spares graphql's rules (some quadratic, such as
      // OverlappingFieldsCanBeMerged) a document already refused. Yoga caches the result per document,
      // schema and rule names, which is sound: the outcome depends on nothing else.
      if (refused.length > 0) setValidationFn(() => refused);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const refused = nulCharacterRefusal(args.document, args.variableValues);
      if (refused) setResultAndStopExecution(refused);
    },
  };
}

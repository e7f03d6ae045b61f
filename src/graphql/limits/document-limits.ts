import type { DocumentNode, GraphQLError, GraphQLSchema } from "graphql";
import { checkComplexity } from "./complexity.ts";
import type { GraphQLLimits } from "./config.ts";
import { checkDepth } from "./depth.ts";
import { checkDocumentSize } from "./document-size.ts";
import { checkFieldCount } from "./field-count.ts";
import { checkNesting } from "./nesting.ts";
import { checkRootFields } from "./root-fields.ts";

/** Checks on the query text, for before it is parsed; the first one exceeded, if any. */
export function checkSourceLimits(text: string, limits: GraphQLLimits): GraphQLError | undefined {
  return checkDocumentSize(text, limits.maxDocumentBytes) ?? checkNesting(text, limits.maxNesting);
}

/** Checks on the parsed document, every limit exceeded. `schema` only prices list fields. */
export function checkDocumentLimits(document: DocumentNode, schema: GraphQLSchema | undefined, limits: GraphQLLimits): GraphQLError[] {
  return [
    checkDepth(document, schema, limits.maxDepth),
    checkRootFields(document, schema, limits.maxRootFields),
    checkFieldCount(document, schema, limits.maxFields),
    checkComplexity(document, schema, limits.maxComplexity, limits.listFieldCost),
  ].filter((error) => error !== undefined);
}

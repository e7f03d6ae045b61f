import type { DocumentNode, GraphQLError, GraphQLSchema } from "graphql";
import { limitError } from "./limit-error.ts";
import { foldOperations, worstOperation, type SelectionFold } from "./selection-fold.ts";

// Every field is a level, `__typename` included: depth is about nesting, not about cost.
const depthFold: SelectionFold<number> = {
  empty: 0,
  siblings: Math.max,
  field: (_node, _type, selection) => 1 + selection(),
};

/** Fields on the longest path from a root field to a leaf, over the document's deepest operation. */
export function measureDepth(document: DocumentNode, schema?: GraphQLSchema): number {
  return worstOperation(foldOperations(document, schema, depthFold))?.value ?? 0;
}

export function checkDepth(document: DocumentNode, schema: GraphQLSchema | undefined, max: number): GraphQLError | undefined {
  const worst = worstOperation(foldOperations(document, schema, depthFold));
  if (!worst || worst.value <= max) return undefined;
  return limitError(
    `Query too complex - Too many nested fields requested: ${worst.value} - Maximum allowed nested fields: ${max}`,
    "QUERY_TOO_DEEP",
    worst.operation,
  );
}

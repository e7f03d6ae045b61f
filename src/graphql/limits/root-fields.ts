import type { DocumentNode, GraphQLError, GraphQLSchema } from "graphql";
import { limitError } from "./limit-error.ts";
import { foldOperations, worstOperation, type SelectionFold } from "./selection-fold.ts";

// Each root field is its own resolver call (aliases included); nothing below the top is walked.
const rootFieldFold: SelectionFold<number> = {
  empty: 0,
  siblings: (a, b) => a + b,
  field: (node) => (node.name.value === "__typename" ? 0 : 1),
};

/** Root fields of the document's largest operation, fragments at the top expanded. */
export function measureRootFields(document: DocumentNode, schema?: GraphQLSchema): number {
  return worstOperation(foldOperations(document, schema, rootFieldFold))?.value ?? 0;
}

export function checkRootFields(document: DocumentNode, schema: GraphQLSchema | undefined, max: number): GraphQLError | undefined {
  const worst = worstOperation(foldOperations(document, schema, rootFieldFold));
  if (!worst || worst.value <= max) return undefined;
  return limitError(
    `Query too complex - Too many root resolvers requested: ${worst.value} - Maximum allowed root resolvers: ${max}`,
    "TOO_MANY_ROOT_RESOLVERS",
    worst.operation,
  );
}

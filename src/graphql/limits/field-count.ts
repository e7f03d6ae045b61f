import type { DocumentNode, GraphQLError, GraphQLSchema } from "graphql";
import { limitError } from "./limit-error.ts";
import { foldOperations, worstOperation, type SelectionFold } from "./selection-fold.ts";

// `__typename` is left out, as Twenty does: clients such as Apollo add it to every selection set.
const fieldCountFold: SelectionFold<number> = {
  empty: 0,
  siblings: (a, b) => a + b,
  field: (node, _type, selection) => (node.name.value === "__typename" ? 0 : 1) + selection(),
};

/** Fields selected by the document's largest operation, each fragment counted once per spread. */
export function measureFieldCount(document: DocumentNode, schema?: GraphQLSchema): number {
  return worstOperation(foldOperations(document, schema, fieldCountFold))?.value ?? 0;
}

export function checkFieldCount(document: DocumentNode, schema: GraphQLSchema | undefined, max: number): GraphQLError | undefined {
  const worst = worstOperation(foldOperations(document, schema, fieldCountFold));
  if (!worst || worst.value <= max) return undefined;
  return limitError(
    `Query too complex - Too many fields requested: ${worst.value} - Maximum allowed fields: ${max}`,
    "TOO_MANY_FIELDS",
    worst.operation,
  );
}

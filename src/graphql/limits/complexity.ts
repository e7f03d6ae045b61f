import { getNullableType, isListType, type DocumentNode, type GraphQLError, type GraphQLSchema } from "graphql";
import { limitError } from "./limit-error.ts";
import { foldOperations, worstOperation, type SelectionFold } from "./selection-fold.ts";

/**
 * A field costs 1, or `listFieldCost` when its type is a list: a list fans out over rows. A connection
 * (`people { edges { node { ... } } }`) thus costs 1 + listFieldCost + 1 plus its node's fields. Costs add
 * up rather than multiply, so the measure stays predictable for clients; `__typename` is free. Fields the
 * schema does not know cost 1 (graphql's own rules refuse them).
 */
function complexityFold(listFieldCost: number): SelectionFold<number> {
  return {
    empty: 0,
    siblings: (a, b) => a + b,
    field(node, type, selection) {
      if (node.name.value === "__typename") return 0;
      return (type && isListType(getNullableType(type)) ? listFieldCost : 1) + selection();
    },
  };
}

/** Complexity of the document's costliest operation. */
export function measureComplexity(document: DocumentNode, schema: GraphQLSchema | undefined, listFieldCost: number): number {
  return worstOperation(foldOperations(document, schema, complexityFold(listFieldCost)))?.value ?? 0;
}

export function checkComplexity(
  document: DocumentNode,
  schema: GraphQLSchema | undefined,
  max: number,
  listFieldCost: number,
): GraphQLError | undefined {
  const worst = worstOperation(foldOperations(document, schema, complexityFold(listFieldCost)));
  if (!worst || worst.value <= max) return undefined;
  return limitError(
    `Query too complex - Query complexity: ${worst.value} - Maximum allowed complexity: ${max}`,
    "QUERY_TOO_COMPLEX",
    worst.operation,
  );
}

import type { DocumentNode, GraphQLError, GraphQLSchema } from "graphql";
import { limitError } from "./limit-error.ts";
import { foldOperations, worstOperation, type SelectionFold } from "./selection-fold.ts";

/** A limit measured by folding each operation's selections: its measure, and its check against a maximum. */
export function foldedLimit(fold: SelectionFold<number>, message: (value: number, max: number) => string, subCode: string) {
  const worst = (document: DocumentNode, schema?: GraphQLSchema) => worstOperation(foldOperations(document, schema, fold));
  return {
    measure: (document: DocumentNode, schema?: GraphQLSchema): number => worst(document, schema)?.value ?? 0,
    check(document: DocumentNode, schema: GraphQLSchema | undefined, max: number): GraphQLError | undefined {
      const found = worst(document, schema);
      return found && found.value > max ? limitError(message(found.value, max), subCode, found.operation) : undefined;
    },
  };
}

import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, type SelectionNode } from "graphql";

/** Whether `@skip`/`@include` keep a selection, given the operation's variables. */
export function isIncluded(node: SelectionNode, variables: Record<string, unknown>): boolean {
  return getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true && getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

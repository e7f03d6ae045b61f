/** The bounds every GraphQL document must stay within before it is executed. */
export interface GraphQLLimits {
  /** UTF-8 bytes of query text, checked before parsing. */
  maxDocumentBytes: number;
  /** Open braces and brackets, checked on tokens before parsing: graphql-js parses recursively. */
  maxNesting: number;
  /** Fields on the longest path from a root field to a leaf (a root field is 1). */
  maxDepth: number;
  /** Fields selected in one operation, fragments expanded. */
  maxFields: number;
  /** Fields at the top of one operation. */
  maxRootFields: number;
  /** Sum of field costs in one operation, fragments expanded. */
  maxComplexity: number;
  /** Cost of a field whose type is a list; any other field costs 1. */
  listFieldCost: number;
}

/**
 * Fields, root resolvers and complexity are Twenty's numbers. Depth: a connection takes 3 levels
 * (`people { edges { node {`), the query engine nests at most 5 connections, and a composite leaf
 * (`name { firstName }`) adds 2, so the deepest useful record query is 17 levels; 20 leaves room for a
 * many-to-one hop and still fits GraphiQL's introspection query. Nesting is far below the ~2,000 levels
 * at which graphql-js's recursive parser overflows the stack, and above depth plus any filter literal.
 */
export const defaultGraphQLLimits: GraphQLLimits = {
  maxDocumentBytes: 100 * 1024,
  maxNesting: 100,
  maxDepth: 20,
  maxFields: 2000,
  maxRootFields: 20,
  maxComplexity: 2000,
  listFieldCost: 10,
};

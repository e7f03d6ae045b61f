import {
  execute,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isEnumType,
  isLeafType,
  isObjectType,
  Kind,
  locatedError,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { collectFields, fragmentsOf, operationOf } from "./collect-fields.ts";
import type { Plugin } from "graphql-yoga";
import type { GraphQLContext } from "../context.ts";
import { isRecordType } from "./lenient-record-fields.ts";

/**
 * findMany/findOne answers are built by Postgres in their final shape: response keys, only the selected
 * sub-fields, `__typename`, values already as graphql-js would serialize them. When a query holds nothing
 * else, walking that JSON again field by field (graphql-js's completion, tens of milliseconds of CPU for a
 * page of records with relations) changes nothing, so the root fields' values are returned as they are.
 * Anything else (mutations, group-by, static fields, directives other than skip/include) runs graphql-js.
 */
const shapedRootFields = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

export function markSqlShapedRootFields(schema: GraphQLSchema, names: Iterable<string>): void {
  shapedRootFields.set(schema, new Set(names));
}

/** Scalars whose SQL JSON is what their serializer would give (strings, numbers, booleans, JSON as is). */
const passthroughScalars = new Set(["String", "ID", "UUID", "Boolean", "Float", "Int", "DateTime", "Date", "JSON", "TSVector", "Cursor", "ConnectionCursor", "Position", "BigFloat", "BigInt"]);

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

const onlySkipInclude = (node: { directives?: readonly { name: { value: string } }[] }) =>
  (node.directives ?? []).every((directive) => directive.name.value === "skip" || directive.name.value === "include");

/** Whether every field below is one the SQL shapes exactly. */
function shapeable(walk: Walk, type: GraphQLObjectType, set: SelectionSetNode): boolean {
  for (const node of set.selections) {
    if (!onlySkipInclude(node)) return false;
    if (node.kind === Kind.INLINE_FRAGMENT) {
      if (node.typeCondition && node.typeCondition.name.value !== type.name) return false;
      if (!shapeable(walk, type, node.selectionSet)) return false;
      continue;
    }
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments[node.name.value];
      if (!fragment || fragment.typeCondition.name.value !== type.name || !onlySkipInclude(fragment) || !shapeable(walk, type, fragment.selectionSet)) return false;
      continue;
    }
    if (node.name.value === "__typename") continue;
    const field = type.getFields()[node.name.value];
    if (!field) {
      // Unknown fields of records answer null (filled in after execution, either way); nowhere else.
      if (isRecordType(walk.schema, type.name)) continue;
      return false;
    }
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      if (!isEnumType(named) && !passthroughScalars.has(named.name)) return false;
    } else if (!isObjectType(named) || !node.selectionSet || !shapeable(walk, named, node.selectionSet)) return false;
  }
  return true;
}

async function executeShaped(args: ExecutionArgs, operation: OperationDefinitionNode, walk: Walk, root: GraphQLObjectType, fields: Map<string, FieldNode[]>): Promise<ExecutionResult> {
  const errors: GraphQLError[] = [];
  const values = await Promise.all(
    [...fields].map(async ([key, nodes]): Promise<unknown> => {
      const name = nodes[0]!.name.value;
      if (name === "__typename") return root.name;
      const field = root.getFields()[name]!;
      const info: GraphQLResolveInfo = {
        fieldName: name,
        fieldNodes: nodes,
        returnType: field.type,
        parentType: root,
        path: { prev: undefined, key, typename: root.name },
        schema: args.schema,
        fragments: walk.fragments,
        rootValue: args.rootValue,
        operation,
        variableValues: walk.variables,
      };
      try {
        return await (field.resolve as GraphQLFieldResolver<unknown, unknown>)(args.rootValue, getArgumentValues(field, nodes[0]!, walk.variables), args.contextValue, info);
      } catch (error) {
        errors.push(locatedError(error, nodes, [key]));
        return null;
      }
    }),
  );
  const data = Object.fromEntries([...fields.keys()].map((key, i) => [key, values[i] ?? null]));
  return errors.length ? { data, errors } : { data };
}

interface ShapedPlan {
  operation: OperationDefinitionNode;
  walk: Walk;
  root: GraphQLObjectType;
  fields: Map<string, FieldNode[]>;
}

/** The query's root fields when all of them can be answered as Postgres shaped them; otherwise undefined. */
export function planShapedExecution(args: ExecutionArgs): ShapedPlan | { errors: readonly GraphQLError[] } | undefined {
  const shaped = shapedRootFields.get(args.schema);
  const operation = operationOf(args.document, args.operationName);
  const root = args.schema.getQueryType();
  if (!shaped || operation?.operation !== "query" || !root || !onlySkipInclude(operation)) return undefined;
  const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], (args.variableValues ?? {}) as Record<string, unknown>);
  if (coerced.errors) return { errors: coerced.errors };
  const fragments = fragmentsOf(args.document);
  const walk: Walk = { schema: args.schema, fragments, variables: coerced.coerced };
  const fields = collectFields([operation.selectionSet], fragments, walk.variables);
  const all = [...fields.values()].every((nodes) => {
    const name = nodes[0]!.name.value;
    if (name === "__typename") return true;
    if (!shaped.has(name) || !nodes.every(onlySkipInclude)) return false;
    const named = getNamedType(root.getFields()[name]!.type);
    return isObjectType(named) && nodes.every((node) => !node.selectionSet || shapeable(walk, named, node.selectionSet));
  });
  return all ? { operation, walk, root, fields } : undefined;
}

export function useSqlShapedResults(): Plugin<GraphQLContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (!shapedRootFields.has(args.schema)) return;
      setExecuteFn((executionArgs: ExecutionArgs) => {
        const plan = planShapedExecution(executionArgs);
        if (!plan) return (executeFn ?? execute)(executionArgs);
        if ("errors" in plan) return { errors: plan.errors };
        return executeShaped(executionArgs, plan.operation, plan.walk, plan.root, plan.fields);
      });
    },
  };
}

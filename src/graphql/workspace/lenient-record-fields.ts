import {
  FieldsOnCorrectTypeRule,
  getNamedType,
  isObjectType,
  Kind,
  specifiedRules,
  type ExecutionResult,
  type FieldNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from "graphql";
import { fragmentsOf, isIncluded, operationOf } from "./collect-fields.ts";
import type { Plugin } from "graphql-yoga";
import type { GraphQLContext } from "../context.ts";

/**
 * Twenty 2.21 answers `null` for an unknown field selected inside a record, and clients written for older
 * versions rely on it (spec README): such fields pass validation and come back as null. Filters, order-by,
 * inputs and every other type stay strict.
 */
const recordTypesBySchema = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

export function markRecordTypes(schema: GraphQLSchema, typeNames: Iterable<string>): void {
  recordTypesBySchema.set(schema, new Set(typeNames));
}

export const isRecordType = (schema: GraphQLSchema, typeName: string) => recordTypesBySchema.get(schema)?.has(typeName) ?? false;

/** Only these need their results walked (Yoga caches parsed documents, so the same object comes back). */
const documentsWithUnknownFields = new WeakSet<DocumentNode>();

const LenientRecordFieldsRule: ValidationRule = (context) => {
  // graphql's rule is a plain `{ Field(node) }` visitor.
  const strict = FieldsOnCorrectTypeRule(context) as { Field(node: FieldNode): void };
  const records = recordTypesBySchema.get(context.getSchema());
  return {
    Field(node) {
      const parent = context.getParentType();
      if (parent && records?.has(parent.name) && !context.getFieldDef()) {
        documentsWithUnknownFields.add(context.getDocument());
        return;
      }
      strict.Field(node);
    },
  };
};

type Row = Record<string, unknown>;

/** Sets `null` under the response key of every unknown field of a record, following the document. */
function fillUnknownFields(
  type: GraphQLObjectType,
  set: SelectionSetNode,
  value: unknown,
  records: ReadonlySet<string>,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) fillUnknownFields(type, set, item, records, fragments, variables);
    return;
  }
  const row = value as Row;
  for (const node of set.selections) {
    if (!isIncluded(node, variables)) continue;
    if (node.kind === Kind.INLINE_FRAGMENT) {
      if (!node.typeCondition || node.typeCondition.name.value === type.name) fillUnknownFields(type, node.selectionSet, row, records, fragments, variables);
      continue;
    }
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments[node.name.value];
      if (fragment && fragment.typeCondition.name.value === type.name) fillUnknownFields(type, fragment.selectionSet, row, records, fragments, variables);
      continue;
    }
    const key = node.alias?.value ?? node.name.value;
    const definition = type.getFields()[node.name.value];
    if (!definition) {
      if (records.has(type.name) && node.name.value !== "__typename" && !(key in row)) row[key] = null;
      continue;
    }
    const named = getNamedType(definition.type);
    if (node.selectionSet && isObjectType(named)) fillUnknownFields(named, node.selectionSet, row[key], records, fragments, variables);
  }
}

export function useLenientRecordFields(): Plugin<GraphQLContext> {
  return {
    onValidate({ params, validateFn, setValidationFn }) {
      if (!recordTypesBySchema.has(params.schema)) return;
      setValidationFn((schema, document, rules, ...rest) =>
        validateFn(schema, document, (rules ?? specifiedRules).map((rule: ValidationRule) => (rule === FieldsOnCorrectTypeRule ? LenientRecordFieldsRule : rule)), ...rest),
      );
    },
    onExecute({ args }) {
      const records = recordTypesBySchema.get(args.schema);
      if (!records || !documentsWithUnknownFields.has(args.document)) return;
      return {
        onExecuteDone({ result }) {
          const data = (result as ExecutionResult).data;
          if (!data || Symbol.asyncIterator in (result as object)) return;
          const operation = operationOf(args.document, args.operationName);
          if (!operation) return;
          const root = operation.operation === "mutation" ? args.schema.getMutationType() : args.schema.getQueryType();
          if (root) fillUnknownFields(root, operation.selectionSet, data, records, fragmentsOf(args.document), (args.variableValues ?? {}) as Record<string, unknown>);
        },
      };
    },
  };
}

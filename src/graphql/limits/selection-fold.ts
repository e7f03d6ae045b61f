import {
  isInterfaceType,
  isObjectType,
  getNamedType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";

/** One measure of a selection tree, with fragments and inline fragments expanded in place. */
export interface SelectionFold<T> {
  readonly empty: T;
  siblings(a: T, b: T): T;
  /**
   * `type` is undefined when the schema does not know the field (graphql's own rules report that);
   * `selection` folds the field's sub-selection and is only walked if called.
   */
  field(node: FieldNode, type: GraphQLOutputType | undefined, selection: () => T): T;
}

export interface OperationMeasure<T> {
  operation: OperationDefinitionNode;
  value: T;
}

/**
 * Folds every operation of `document`. A fragment is folded once and its value reused: its fields' types
 * come from its own type condition, so the value does not depend on where it is spread, and a document
 * that spreads fragments exponentially many times still costs one pass. A spread of a fragment already
 * being expanded (a cycle, which graphql's NoFragmentCyclesRule refuses) and a spread of an unknown
 * fragment add nothing, so the fold always ends.
 */
export function foldOperations<T>(
  document: DocumentNode,
  schema: GraphQLSchema | undefined,
  fold: SelectionFold<T>,
): OperationMeasure<T>[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) {
      fragments.set(definition.name.value, definition);
    }
  }
  const folded = new Map<string, T>();
  const expanding = new Set<string>();
  const namedType = (name: string) => schema?.getType(name) ?? undefined;

  const selectionSet = (set: SelectionSetNode, parent: GraphQLNamedType | undefined): T => {
    let value = fold.empty;
    for (const selection of set.selections) value = fold.siblings(value, select(selection, parent));
    return value;
  };

  const fragment = (name: string): T => {
    const known = folded.get(name);
    if (known !== undefined) return known;
    const definition = fragments.get(name);
    if (!definition || expanding.has(name)) return fold.empty;
    expanding.add(name);
    const value = selectionSet(definition.selectionSet, namedType(definition.typeCondition.name.value));
    expanding.delete(name);
    folded.set(name, value);
    return value;
  };

  const select = (selection: SelectionNode, parent: GraphQLNamedType | undefined): T => {
    switch (selection.kind) {
      case Kind.FIELD: {
        const type = fieldType(parent, selection.name.value);
        const sub = selection.selectionSet;
        return fold.field(selection, type, () => (sub ? selectionSet(sub, type && getNamedType(type)) : fold.empty));
      }
      case Kind.INLINE_FRAGMENT: {
        const condition = selection.typeCondition ? namedType(selection.typeCondition.name.value) : parent;
        return selectionSet(selection.selectionSet, condition);
      }
      case Kind.FRAGMENT_SPREAD:
        return fragment(selection.name.value);
    }
  };

  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION
      ? [{ operation: definition, value: selectionSet(definition.selectionSet, schema?.getRootType(definition.operation) ?? undefined) }]
      : [],
  );
}

/** The operation with the largest value, or undefined for a document without operations. */
export function worstOperation(measures: OperationMeasure<number>[]): OperationMeasure<number> | undefined {
  let worst: OperationMeasure<number> | undefined;
  for (const measure of measures) if (!worst || measure.value > worst.value) worst = measure;
  return worst;
}

// The meta fields are not in any type's field map; their types are static, so they are known without a schema.
function fieldType(parent: GraphQLNamedType | undefined, name: string): GraphQLOutputType | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef.type;
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef.type;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef.type;
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name]?.type;
  return undefined;
}

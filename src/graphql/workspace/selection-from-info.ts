import {
  getArgumentValues,
  getNamedType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
} from "graphql";
import { collectFields } from "./collect-fields.ts";
import { AppError, permissionDenied } from "../../errors/app-error.ts";
import { joinColumnOf } from "../../field-types/relation.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import type { RecordAccess } from "../../query/access.ts";
import { pageInfoFields, type ConnectionOutput, type ConnectionPlan, type EdgeItem, type PageInfoItem } from "../../query/connection.ts";
import { aggregateCatalog } from "../../query/plan/aggregates.ts";
import { planFilter } from "../../query/plan/plan-filter.ts";
import { planOrder } from "../../query/plan/plan-order.ts";
import { planPage } from "../../query/plan/plan-page.ts";
import { activeField } from "../../query/plan/resolve-path.ts";
import { relationTarget, type Selection, type SelectionItem, type SubFieldItem } from "../../query/selection.ts";
import { filterInputToNode } from "./inputs/filter-input.ts";
import { orderInputToItems } from "./inputs/order-input.ts";
import { typeNameOf } from "./names.ts";

const maxKeyBytes = 63;
/** Edges, pageInfo and composites are built with json_build_object, which takes 100 arguments (50 keys). */
const maxObjectKeys = 50;

function fewKeys<T>(items: T[], what: string): T[] {
  if (items.length > maxObjectKeys) throw new AppError(400, "INVALID_SELECTION", `At most ${maxObjectKeys} fields (aliases included) can be selected in one ${what}`);
  return items;
}

/** Connections nest at most this deep (Twenty's limit and message). */
export const maxConnectionDepth = 5;

/** What turning a GraphQL selection into our Selection needs: the query's fragments and variables. */
export interface SelectionSource {
  metadata: WorkspaceMetadata;
  access: RecordAccess;
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** The selection's fields by response key; the keys become SQL column aliases, which Postgres cuts at 63 bytes. */
function collectSelected(source: SelectionSource, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  const fields = collectFields(
    nodes.map((node) => node.selectionSet),
    source.fragments,
    source.variables,
  );
  for (const key of fields.keys()) {
    if (new TextEncoder().encode(key).length > maxKeyBytes) throw new AppError(400, "INVALID_SELECTION", `Response key "${key.slice(0, 20)}..." is longer than ${maxKeyBytes} bytes`);
  }
  return fields;
}

function fieldDefinition(source: SelectionSource, typeName: string, name: string): GraphQLField<unknown, unknown> | undefined {
  const type = source.schema.getType(typeName);
  return type && "getFields" in type ? (type.getFields()[name] as GraphQLField<unknown, unknown> | undefined) : undefined;
}

/**
 * A record's selection: its fields, join columns, MANY_TO_ONE records and ONE_TO_MANY connections (with their
 * own arguments), each under its response key. Selecting what the role cannot read is FORBIDDEN.
 */
export function recordSelection(source: SelectionSource, object: ObjectMetadata, nodes: readonly FieldNode[], depth = 0): Selection {
  const items: SelectionItem[] = [];
  const typeName = typeNameOf(object);
  for (const [key, fieldNodes] of collectSelected(source, nodes)) {
    const name = fieldNodes[0]!.name.value;
    if (name === "__typename") {
      items.push({ kind: "typename", key, value: typeName });
      continue;
    }
    const field = activeField(object, name);
    if (!field) {
      const relation = object.fields.find((f) => f.isActive && f.type === "RELATION" && joinColumnOf(f) === name);
      if (!relation) continue;
      // The join column is the relation field's value: the relation's field permission covers it.
      if (!source.access.canReadField(object, relation)) throw permissionDenied();
      items.push({ kind: "joinColumn", key, field: relation, column: name });
      continue;
    }
    // Relation fields carry field permissions too (REST leaves them out the same way).
    if (!source.access.canReadField(object, field)) throw permissionDenied();
    if (field.type !== "RELATION") {
      const subFields = compositeSubFields(source, typeName, name, fieldNodes);
      items.push({ kind: "field", key, field, ...(subFields ? { subFields } : {}) });
      continue;
    }
    const relation = relationTarget(source.metadata, field);
    if (!relation) continue;
    if (!source.access.can("read", relation.target)) throw permissionDenied();
    const joinColumn = joinColumnOf(field);
    if (joinColumn) {
      items.push({ kind: "toOne", key, field, target: relation.target, joinColumn, selection: recordSelection(source, relation.target, fieldNodes, depth) });
      continue;
    }
    const inverseJoinColumn = joinColumnOf(relation.inverse);
    const definition = fieldDefinition(source, typeName, name);
    if (!inverseJoinColumn || !definition) continue;
    const args = getArgumentValues(definition, fieldNodes[0]!, source.variables);
    items.push({ kind: "connection", key, field, inverseJoinColumn, connection: connectionPlan(source, relation.target, fieldNodes, args, depth + 1) });
  }
  return { object, items };
}

/** A composite field's selected sub-fields (and `__typename`), so its JSON holds what was asked, as asked. */
function compositeSubFields(source: SelectionSource, typeName: string, name: string, nodes: readonly FieldNode[]): SubFieldItem[] | undefined {
  if (!nodes.some((node) => node.selectionSet)) return undefined;
  const definition = fieldDefinition(source, typeName, name);
  if (!definition) return undefined;
  const compositeName = getNamedType(definition.type).name;
  return fewKeys(
    [...collectSelected(source, nodes)].map(([key, [node]]) => (node!.name.value === "__typename" ? { key, typename: compositeName } : { key, subField: node!.name.value })),
    compositeName,
  );
}

/** findMany's arguments and the connection's selected outputs, planned against the metadata. */
export function connectionPlan(source: SelectionSource, object: ObjectMetadata, nodes: readonly FieldNode[], args: Record<string, unknown>, depth = 1): ConnectionPlan {
  if (depth > maxConnectionDepth) throw new AppError(400, "MAX_DEPTH", `Maximum depth of ${maxConnectionDepth} reached`);
  const { metadata } = source;
  const filter = args.filter ? planFilter(metadata, object, filterInputToNode(metadata, object, args.filter as Record<string, unknown>), "json", source.access) : undefined;
  const orders = planOrder(metadata, object, args.orderBy ? orderInputToItems(args.orderBy) : [], source.access);
  const page = planPage(
    {
      ...(typeof args.first === "number" ? { first: args.first } : {}),
      ...(typeof args.last === "number" ? { last: args.last } : {}),
      ...(typeof args.after === "string" ? { after: args.after } : {}),
      ...(typeof args.before === "string" ? { before: args.before } : {}),
      ...(typeof args.offset === "number" ? { offset: args.offset } : {}),
    },
    orders,
  );
  return { object, ...(filter ? { filter } : {}), orders, ...page, outputs: connectionOutputs(source, object, nodes, depth) };
}

/** Edges, pageInfo and aggregates asked of a connection (or of a group of a group-by). */
export function connectionOutputs(source: SelectionSource, object: ObjectMetadata, nodes: readonly FieldNode[], depth: number, groupBy = false): ConnectionOutput[] {
  const outputs: ConnectionOutput[] = [];
  let catalog: ReturnType<typeof aggregateCatalog> | undefined;
  for (const [key, fieldNodes] of collectSelected(source, nodes)) {
    const name = fieldNodes[0]!.name.value;
    if (name === "groupByDimensionValues") continue;
    if (name === "__typename") outputs.push({ kind: "typename", key, value: `${typeNameOf(object)}${groupBy ? "GroupByConnection" : "Connection"}` });
    else if (name === "pageInfo") outputs.push({ kind: "pageInfo", key, items: pageInfoItems(source, fieldNodes) });
    else if (name === "edges") outputs.push({ kind: "edges", key, items: edgeItems(source, object, fieldNodes, depth) });
    else {
      catalog ??= aggregateCatalog(object);
      const aggregate = catalog.get(name);
      if (!aggregate) continue;
      if (aggregate.field && !source.access.canReadField(object, aggregate.field)) throw permissionDenied();
      outputs.push({ kind: "aggregate", key, aggregate });
    }
  }
  return outputs;
}

function pageInfoItems(source: SelectionSource, nodes: readonly FieldNode[]): PageInfoItem[] {
  const items = [...collectSelected(source, nodes)].flatMap(([key, [node]]): PageInfoItem[] => {
    const name = node!.name.value;
    if (name === "__typename") return [{ key, typename: "PageInfo" }];
    return (pageInfoFields as readonly string[]).includes(name) ? [{ key, field: name as (typeof pageInfoFields)[number] }] : [];
  });
  return fewKeys(items, "pageInfo");
}

function edgeItems(source: SelectionSource, object: ObjectMetadata, nodes: readonly FieldNode[], depth: number): EdgeItem[] {
  const items: EdgeItem[] = [];
  for (const [key, fieldNodes] of collectSelected(source, nodes)) {
    const name = fieldNodes[0]!.name.value;
    if (name === "node") items.push({ kind: "node", key, selection: recordSelection(source, object, fieldNodes, depth) });
    else if (name === "cursor") items.push({ kind: "cursor", key });
    else if (name === "__typename") items.push({ kind: "typename", key, value: `${typeNameOf(object)}Edge` });
  }
  return fewKeys(items, "edge");
}

import { compositeDefinition, fieldTypeDefinition } from "../../field-types/registry.ts";
import { joinColumnOf } from "../../field-types/relation.ts";
import { capitalize } from "../../metadata/names.ts";
import type { FieldMetadata, ObjectMetadata } from "../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import { aggregateCatalog, type AggregateKind } from "../../query/plan/aggregates.ts";
import { relationTarget } from "../../query/selection.ts";
import { rootFieldNames, typeNameOf } from "./names.ts";

/** Named SDL blocks (the same name always carries the same text) and the root fields an object adds. */
export interface ObjectSdl {
  typeDefs: Array<[string, string]>;
  queries: string[];
  mutations: string[];
}

const aggregateTypes: Record<AggregateKind, string> = { count: "Int", percent: "Float", number: "Float", date: "DateTime" };
const connectionArgs = (target: string) =>
  `first: Int, last: Int, offset: Int, before: String, after: String, filter: ${target}FilterInput, orderBy: [${target}OrderByInput]`;
/** Fields Twenty 2.21 leaves out of `<Object>GroupByInput`: identity, bookkeeping and search columns, system fields, JSON. */
const notGroupable = new Set(["id", "deletedAt", "createdBy", "updatedBy", "position", "searchVector"]);
const groupable = (field: FieldMetadata) => !field.isSystem && !notGroupable.has(field.name) && field.type !== "RAW_JSON";
const block = (keyword: string, name: string, lines: string[]): [string, string] => [name, `${keyword} ${name} {\n${lines.map((l) => `  ${l}`).join("\n")}\n}`];

/**
 * One object's part of the workspace schema (Twenty §2.2–2.8): its type with relations as nested objects and
 * argument-taking connections, its connection/edge/group types with every aggregate, and its inputs. Field
 * types come from the registry; this file only shapes relations and the per-object wrappers.
 */
export function objectSdl(metadata: WorkspaceMetadata, object: ObjectMetadata): ObjectSdl {
  const T = typeNameOf(object);
  const context = { schema: metadata.schemaName, table: object.tableName, objectTypeName: T };
  const typeDefs: Array<[string, string]> = [];
  const lines = { output: [] as string[], filter: [] as string[], orderBy: [] as string[], create: ["id: ID"], update: ["id: ID"] };
  const groupBy: string[] = [];
  const groupOrder: string[] = [];
  const aggregateOrderExtras: string[] = [];
  const unique: string[] = ["id: ID"];

  for (const field of object.fields) {
    if (!field.isActive) continue;
    if (field.type === "RELATION") {
      relationLines(metadata, field, lines, groupBy, groupOrder, aggregateOrderExtras);
      continue;
    }
    const graphql = fieldTypeDefinition(field.type).graphql?.(field, context);
    if (!graphql) continue;
    typeDefs.push(...graphql.typeDefs);
    const composite = compositeDefinition(field.type);
    // Twenty 2.21 types text as nullable whatever the metadata says (it stores '' as NULL).
    const required = field.isNullable === false && field.type !== "TEXT";
    lines.output.push(`${field.name}: ${graphql.output}${required ? "!" : ""}`);
    if (graphql.filter) lines.filter.push(`${field.name}: ${graphql.filter}`);
    lines.orderBy.push(`${field.name}: ${graphql.orderBy ?? "OrderByDirection"}`);
    // Server-owned fields are in the inputs as in 2.21; writing them is refused by name (record-input.ts).
    if (field.name !== "id") {
      const input = graphql.input ?? graphql.output;
      lines.create.push(`${field.name}: ${input}`);
      lines.update.push(`${field.name}: ${graphql.updateInput ?? input}`);
    }
    if (field.type === "TS_VECTOR") {
      groupOrder.push(`${field.name}: OrderByDirection`);
      continue;
    }
    if (composite) {
      const groupInput = `${graphql.output}GroupByInput`;
      typeDefs.push(block("input", groupInput, composite.subFields.filter((sub) => sub.kind !== "RAW_JSON").map((sub) => `${sub.name}: Boolean`)));
      if (groupable(field)) groupBy.push(`${field.name}: ${groupInput}`);
      if (graphql.orderBy) groupOrder.push(`${field.name}: ${graphql.orderBy}`);
      const uniqueParts = composite.subFields.filter((sub) => sub.isUniquePart);
      if (field.isUnique && uniqueParts.length > 0) {
        const whereInput = `${T}${capitalize(field.name)}WhereInput`;
        typeDefs.push(block("input", whereInput, uniqueParts.map((sub) => `${sub.name}: String`)));
        unique.push(`${field.name}: ${whereInput}`);
      }
    } else if (field.type === "DATE" || field.type === "DATE_TIME") {
      if (groupable(field)) groupBy.push(`${field.name}: GroupByDateGranularityInput`);
      groupOrder.push(`${field.name}: OrderByDateGranularityInput`);
    } else {
      if (groupable(field)) groupBy.push(`${field.name}: Boolean`);
      groupOrder.push(`${field.name}: OrderByDirection`);
      if (field.isUnique && field.name !== "id") unique.push(`${field.name}: ${graphql.output}`);
    }
  }

  const aggregates = [...aggregateCatalog(object).values()].map((aggregate) => `${aggregate.name}: ${aggregateTypes[aggregate.kind]}`);
  typeDefs.push(
    block("type", T, lines.output),
    block("type", `${T}Edge`, [`node: ${T}!`, "cursor: Cursor!"]),
    block("type", `${T}Connection`, [...aggregates, `edges: [${T}Edge!]!`, "pageInfo: PageInfo!"]),
    block("type", `${T}GroupByConnection`, [...aggregates, `edges: [${T}Edge!]!`, "pageInfo: PageInfo!", "groupByDimensionValues: JSON!"]),
    block("input", `${T}FilterInput`, [`and: [${T}FilterInput]`, `or: [${T}FilterInput]`, `not: ${T}FilterInput`, ...lines.filter]),
    block("input", `${T}OrderByInput`, lines.orderBy),
    block("input", `${T}CreateInput`, lines.create),
    block("input", `${T}UpdateInput`, lines.update),
    block("input", `${T}GroupByInput`, groupBy),
    block("input", `${T}OrderByWithGroupByAggregateInput`, [...aggregates.map((line) => `${line.split(":")[0]}: OrderByDirection`), ...aggregateOrderExtras]),
    block("input", `${T}OrderByWithGroupByInput`, [...groupOrder, `aggregate: ${T}OrderByWithGroupByAggregateInput`]),
    block("input", `${T}WhereUniqueInput`, unique),
    block("input", `${T}ConnectInput`, [`where: ${T}WhereUniqueInput`]),
    block("input", `${T}RelationInput`, [`connect: ${T}ConnectInput`, "disconnect: Boolean"]),
  );
  return { typeDefs, ...rootFields(object) };
}

function relationLines(
  metadata: WorkspaceMetadata,
  field: FieldMetadata,
  lines: { output: string[]; filter: string[]; orderBy: string[]; create: string[]; update: string[] },
  groupBy: string[],
  groupOrder: string[],
  aggregateOrderExtras: string[],
): void {
  const relation = relationTarget(metadata, field);
  if (!relation) return;
  const target = typeNameOf(relation.target);
  const joinColumn = joinColumnOf(field);
  if (!joinColumn) {
    const inverseJoinColumn = joinColumnOf(relation.inverse);
    if (inverseJoinColumn) lines.output.push(`${field.name}(${connectionArgs(target)}): ${target}Connection`);
    return;
  }
  lines.output.push(`${field.name}: ${target}`, `${joinColumn}: ID`);
  // Filters, orders and groups may follow the relation to the related record's fields (Twenty 2.21).
  lines.filter.push(`${joinColumn}: UUIDFilter`, `${field.name}: ${target}FilterInput`);
  lines.orderBy.push(`${joinColumn}: OrderByDirection`, `${field.name}: ${target}OrderByInput`);
  for (const input of [lines.create, lines.update]) input.push(`${joinColumn}: ID`, `${field.name}: ${target}RelationInput`);
  groupBy.push(`${field.name}: ${target}GroupByInput`);
  groupOrder.push(`${joinColumn}: OrderByDirection`, `${field.name}: ${target}OrderByWithGroupByInput`);
  // 2.21 declares these in the aggregate order input too; naming them there is refused as an unknown aggregate.
  aggregateOrderExtras.push(`${joinColumn}: OrderByDirection`, `${field.name}: ${target}OrderByInput`);
}

function rootFields(object: ObjectMetadata): { queries: string[]; mutations: string[] } {
  const T = typeNameOf(object);
  const n = rootFieldNames(object);
  const hasDuplicates = (object.duplicateCriteria ?? []).length > 0;
  const queries = [
    `${n.findMany}(${connectionArgs(T)}): ${T}Connection`,
    `${n.findOne}(filter: ${T}FilterInput!): ${T}`,
    `${n.groupBy}(groupBy: [${T}GroupByInput!]!, filter: ${T}FilterInput, orderBy: [${T}OrderByWithGroupByInput], orderByForRecords: [${T}OrderByInput], viewId: UUID, limit: Int, offsetForRecords: Int): [${T}GroupByConnection!]`,
  ];
  if (hasDuplicates) queries.push(`${n.findDuplicates}(ids: [UUID], data: [${T}CreateInput]): [${T}Connection!]`);
  const mutations = [
    `${n.createOne}(data: ${T}CreateInput!, upsert: Boolean): ${T}`,
    `${n.createMany}(data: [${T}CreateInput!]!, upsert: Boolean): [${T}!]`,
    `${n.updateOne}(id: UUID!, data: ${T}UpdateInput!): ${T}`,
    `${n.updateMany}(data: ${T}UpdateInput!, filter: ${T}FilterInput!): [${T}!]`,
    `${n.deleteOne}(id: UUID!): ${T}`,
    `${n.deleteMany}(filter: ${T}FilterInput!): [${T}!]`,
    `${n.destroyOne}(id: UUID!): ${T}`,
    `${n.destroyMany}(filter: ${T}FilterInput!): [${T}!]`,
    `${n.restoreOne}(id: UUID!): ${T}`,
    `${n.restoreMany}(filter: ${T}FilterInput!): [${T}!]`,
  ];
  if (hasDuplicates) mutations.push(`${n.mergeMany}(ids: [UUID!]!, conflictPriorityIndex: Int!, dryRun: Boolean): ${T}`);
  return { queries, mutations };
}

import type { GraphQLResolveInfo } from "graphql";
import { notFound, permissionDenied } from "../../errors/app-error.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import type { ConnectionOutput } from "../../query/connection.ts";
import { findDuplicates } from "../../query/operations/duplicates.ts";
import { runConnection } from "../../query/operations/find-many.ts";
import { groupBy } from "../../query/operations/group-by.ts";
import { encodeCursor } from "../../query/plan/cursor.ts";
import { activeField } from "../../query/plan/resolve-path.ts";
import type { Selection } from "../../query/selection.ts";
import type { GraphQLContext } from "../context.ts";
import { callerOf, type Caller } from "./caller.ts";
import { splitDataInput } from "./inputs/data-input.ts";
import { filterInputToNode } from "./inputs/filter-input.ts";
import { orderInputToItems } from "./inputs/order-input.ts";
import { connectionOutputs, connectionPlan, recordSelection } from "./selection-from-info.ts";

type Args = Record<string, unknown>;
type Row = Record<string, unknown>;

async function readingCaller(ctx: GraphQLContext, info: GraphQLResolveInfo, object: ObjectMetadata): Promise<Caller> {
  const caller = await callerOf(ctx, info);
  if (!caller.access.can("read", object)) throw permissionDenied();
  return caller;
}

/** `companies(...)`: the whole connection, nested relations and aggregates included, in ONE statement. */
export const findManyResolver = (object: ObjectMetadata) => async (_: unknown, args: Args, ctx: GraphQLContext, info: GraphQLResolveInfo) => {
  const caller = await readingCaller(ctx, info, object);
  return runConnection<Row>(caller.runner, caller.metadata, connectionPlan(caller.source, object, info.fieldNodes, args));
};

/** `company(filter:)`: the first live match, or NOT_FOUND "Record not found" (subCode RECORD_NOT_FOUND, data null). One statement. */
export const findOneResolver = (object: ObjectMetadata) => async (_: unknown, args: Args, ctx: GraphQLContext, info: GraphQLResolveInfo) => {
  const caller = await readingCaller(ctx, info, object);
  const plan = connectionPlan(caller.source, object, [], { filter: args.filter, first: 1 });
  plan.outputs = [{ kind: "edges", key: "edges", items: [{ kind: "node", key: "node", selection: recordSelection(caller.source, object, info.fieldNodes) }] }];
  const [edge] = (await runConnection<{ edges: Array<{ node: unknown }> }>(caller.runner, caller.metadata, plan)).edges;
  if (!edge) throw notFound("Record not found", "RECORD_NOT_FOUND");
  return edge.node;
};

/** The node selection of a connection's first `edges { node }`, if any. */
function nodeSelection(outputs: ConnectionOutput[]): Selection | undefined {
  for (const output of outputs) {
    if (output.kind !== "edges") continue;
    for (const item of output.items) if (item.kind === "node") return item.selection;
  }
  return undefined;
}

/** A connection built from records already fetched (groups, duplicate lists): one page, nothing around it. */
function connectionOf(records: Row[], outputs: ConnectionOutput[], aggregates: Row): Row {
  const cursors = records.map((record) => encodeCursor({ id: (record.id as string | undefined) ?? null }));
  const connection: Row = {};
  for (const output of outputs) {
    if (output.kind === "aggregate") connection[output.key] = aggregates[output.aggregate.name] ?? null;
    else if (output.kind === "pageInfo") connection[output.key] = { hasNextPage: false, hasPreviousPage: false, startCursor: cursors[0] ?? null, endCursor: cursors.at(-1) ?? null };
    else if (output.kind === "edges") {
      // graphql-js completes these itself (`__typename` included): only nodes and cursors are placed.
      connection[output.key] = records.map((record, i) => Object.fromEntries(output.items.map((item) => [item.key, item.kind === "node" ? record : cursors[i]])));
    }
  }
  return connection;
}

/**
 * Grouping by a related record's field reads the relation and the related object: the role must be allowed
 * both (the related field itself is checked with the other dimensions).
 */
function requireRelationDimensions(caller: Caller, object: ObjectMetadata, groupByArg: unknown): void {
  for (const entry of Array.isArray(groupByArg) ? groupByArg : []) {
    for (const name of Object.keys((entry ?? {}) as Args)) {
      const field = activeField(object, name);
      if (field?.type !== "RELATION") continue;
      const target = caller.metadata.objectsById.get(field.relationTargetObjectMetadataId ?? "");
      if (!caller.access.canReadField(object, field) || (target && !caller.access.can("read", target))) throw permissionDenied();
    }
  }
}

/** `companiesGroupBy(...)`: groups with their dimension values, aggregates and (when asked) first records. One statement. */
export const groupByResolver = (object: ObjectMetadata) => async (_: unknown, args: Args, ctx: GraphQLContext, info: GraphQLResolveInfo) => {
  const caller = await readingCaller(ctx, info, object);
  requireRelationDimensions(caller, object, args.groupBy);
  const outputs = connectionOutputs(caller.source, object, info.fieldNodes, 1, true);
  const selection = nodeSelection(outputs);
  const limit = typeof args.limit === "number" ? args.limit : 50;
  const groups = await groupBy(caller.runner, caller.metadata, caller.access, {
    object,
    groupBy: args.groupBy,
    aggregates: [...new Set(outputs.flatMap((output) => (output.kind === "aggregate" ? [output.aggregate.name] : [])))],
    orderBy: args.orderBy ?? undefined,
    filter: args.filter ? filterInputToNode(caller.metadata, object, args.filter as Args) : undefined,
    source: "json",
    limit: Math.min(Math.max(limit, 0), 200),
    ...(selection
      ? {
          recordsSample: {
            orderBy: args.orderByForRecords ? orderInputToItems(args.orderByForRecords) : [],
            selection,
            offset: typeof args.offsetForRecords === "number" ? Math.max(args.offsetForRecords, 0) : 0,
          },
        }
      : {}),
  });
  return (groups as Row[]).map((group) => ({
    ...connectionOf((group.records as Row[] | undefined) ?? [], outputs, group),
    groupByDimensionValues: group.groupByDimensionValues,
  }));
};

/** `companyDuplicates(ids | data)`: one connection per input, in order. One statement. */
export const findDuplicatesResolver = (object: ObjectMetadata) => async (_: unknown, args: Args, ctx: GraphQLContext, info: GraphQLResolveInfo) => {
  const caller = await readingCaller(ctx, info, object);
  const outputs = connectionOutputs(caller.source, object, info.fieldNodes, 1);
  const selection = nodeSelection(outputs) ?? { object, items: [] };
  const data = Array.isArray(args.data) ? args.data.map((item) => splitDataInput(caller.metadata, object, item as Args).body) : args.data;
  const lists = await findDuplicates(caller.runner, caller.metadata, caller.access, selection, {
    ...(args.data != null ? { data } : {}),
    ...(args.ids != null ? { ids: args.ids } : {}),
  });
  return lists.map((records) => connectionOf(records as Row[], outputs, { totalCount: records.length }));
};

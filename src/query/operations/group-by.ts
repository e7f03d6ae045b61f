import type { Runner } from "./caller-gate.ts";
import { permissionDenied } from "../../errors/app-error.ts";
import type { ValueSource } from "../../field-types/leaves/leaf.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import type { RecordAccess } from "../access.ts";
import type { FilterNode, OrderItem } from "../ast.ts";
import { resolveAggregates } from "../plan/aggregates.ts";
import { planFilter } from "../plan/plan-filter.ts";
import { planDimensions, planGroupOrder } from "../plan/plan-group-by.ts";
import { planOrder } from "../plan/plan-order.ts";
import { relationRowCap, selectionForDepth, type Selection } from "../selection.ts";
import { groupBySql } from "../sql/group-by-sql.ts";
import { createScope } from "../sql/where.ts";
import { runJson } from "./run-json.ts";

export interface GroupByRequest {
  object: ObjectMetadata;
  groupBy: unknown;
  aggregates: string[];
  orderBy?: unknown;
  filter?: FilterNode | undefined;
  source: ValueSource;
  limit: number;
  /** Each group's first records, in this order, shown as `selection` (REST: the record's own fields). */
  recordsSample?: { orderBy: OrderItem[]; selection?: Selection; offset?: number };
}

/** Groups of records with aggregates (and sample records), planned against metadata and run as one statement. */
export async function groupBy(db: Runner, metadata: WorkspaceMetadata, access: RecordAccess, request: GroupByRequest): Promise<unknown[]> {
  const { object } = request;
  if (!access.can("read", object)) throw permissionDenied();
  const dimensions = planDimensions(metadata, object, request.groupBy);
  // A group's label is the field's value: grouping by a field is reading it.
  if (dimensions.some((dimension) => !access.canReadField(object, dimension.field))) throw permissionDenied();
  const aggregates = resolveAggregates(object, request.aggregates);
  const filter = request.filter ? planFilter(metadata, object, request.filter, request.source, access) : undefined;
  const statement = groupBySql(createScope(metadata.schemaName), object, {
    dimensions,
    aggregates,
    orders: planGroupOrder(object, dimensions, request.orderBy),
    limit: request.limit,
    ...(filter ? { filter } : {}),
    ...(request.recordsSample
      ? { records: { selection: request.recordsSample.selection ?? selectionForDepth(metadata, object, 0, access), orders: planOrder(metadata, object, request.recordsSample.orderBy, access), limit: relationRowCap, offset: request.recordsSample.offset ?? 0 } }
      : {}),
  });
  return runJson<unknown[]>(db, statement, object);
}

import { sql } from "drizzle-orm";
import type { Runner } from "./caller-gate.ts";
import { permissionDenied } from "../../errors/app-error.ts";
import type { ValueSource } from "../../field-types/leaves/leaf.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import type { RecordAccess } from "../access.ts";
import type { FilterNode, OrderItem, PageRequest } from "../ast.ts";
import { planPage } from "../plan/plan-page.ts";
import { planFilter } from "../plan/plan-filter.ts";
import { planOrder } from "../plan/plan-order.ts";
import type { ConnectionPlan } from "../connection.ts";
import { resolveAggregates } from "../plan/aggregates.ts";
import type { Selection } from "../selection.ts";
import { connectionSql } from "../sql/connection-sql.ts";
import { recordJsonSql } from "../sql/record-json.ts";
import { createScope, tableOf } from "../sql/where.ts";
import { runJson } from "./run-json.ts";

export interface FindManyRequest {
  object: ObjectMetadata;
  filter?: FilterNode | undefined;
  source: ValueSource;
  orderBy: OrderItem[];
  page: PageRequest;
  selection: Selection;
}

export interface PageInfo {
  startCursor: string | null;
  endCursor: string | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface FoundPage {
  records: unknown[];
  cursors: string[];
  totalCount: number;
  pageInfo: PageInfo;
}

/** One connection (nested ones inside), one statement: its JSON, keyed as the plan's outputs say. */
export function runConnection<T>(db: Runner, metadata: WorkspaceMetadata, plan: ConnectionPlan): Promise<T> {
  return runJson<T>(db, sql`SELECT ${connectionSql(createScope(metadata.schemaName), plan)}::text AS result`, plan.object);
}

/**
 * The shared read operation of REST and GraphQL: plan (fields, operators, values, order, cursor) against the
 * metadata and compile to ONE statement — the same connection compiler GraphQL uses — then shape the page.
 * Pagination is keyset on the order plus `id`, so walking either way over any sort visits every row once.
 */
export async function findMany(db: Runner, metadata: WorkspaceMetadata, access: RecordAccess, request: FindManyRequest): Promise<FoundPage> {
  const { object } = request;
  if (!access.can("read", object)) throw permissionDenied();
  const filter = request.filter ? planFilter(metadata, object, request.filter, request.source, access) : undefined;
  const orders = planOrder(metadata, object, request.orderBy, access);
  const plan: ConnectionPlan = {
    object,
    ...(filter ? { filter } : {}),
    orders,
    ...planPage(request.page, orders),
    outputs: [
      { kind: "edges", key: "edges", items: [{ kind: "node", key: "record", selection: request.selection }, { kind: "cursor", key: "cursor" }] },
      { kind: "pageInfo", key: "pageInfo" },
      { kind: "aggregate", key: "totalCount", aggregate: resolveAggregates(object, ["totalCount"])[0]! },
    ],
  };
  const result = await runConnection<{ edges: Array<{ record: unknown; cursor: string }>; pageInfo: PageInfo; totalCount: number }>(db, metadata, plan);
  return {
    records: result.edges.map((edge) => edge.record),
    cursors: result.edges.map((edge) => edge.cursor),
    totalCount: result.totalCount,
    pageInfo: result.pageInfo,
  };
}

/** One live record by id, or null. One statement. */
export async function findOne(db: Runner, metadata: WorkspaceMetadata, access: RecordAccess, selection: Selection, id: string): Promise<unknown | null> {
  if (!access.can("read", selection.object)) throw permissionDenied();
  const scope = createScope(metadata.schemaName);
  const t = scope.nextAlias();
  const statement = sql`SELECT (SELECT ${recordJsonSql(scope, selection, t)} FROM ${tableOf(scope, selection.object.tableName)} ${sql.raw(t)} WHERE ${sql.raw(
    t,
  )}.id = ${sql.param(id)}::uuid AND ${sql.raw(t)}."deletedAt" IS NULL)::text AS result`;
  return runJson<unknown | null>(db, statement, selection.object);
}

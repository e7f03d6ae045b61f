import { sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { permissionDenied } from "../../errors/app-error.ts";
import type { ValueSource } from "../../field-types/leaves/leaf.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import type { RecordAccess } from "../access.ts";
import type { FilterNode, OrderItem, PageRequest } from "../ast.ts";
import { encodeCursor, type CursorValues } from "../plan/cursor.ts";
import { planPage } from "../plan/plan-page.ts";
import { planFilter } from "../plan/plan-filter.ts";
import { planOrder } from "../plan/plan-order.ts";
import type { Selection } from "../selection.ts";
import { findManySql } from "../sql/find-many.ts";
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

/**
 * The shared read operation of REST and GraphQL: plan (fields, operators, values, order, cursor) against the
 * metadata, compile to ONE statement, and shape the page. Pagination is keyset on the order plus `id`, so
 * walking either way over any sort visits every row exactly once.
 */
export async function findMany(db: Db, metadata: WorkspaceMetadata, access: RecordAccess, request: FindManyRequest): Promise<FoundPage> {
  const { object } = request;
  if (!access.can("read", object)) throw permissionDenied();
  const filter = request.filter ? planFilter(metadata, object, request.filter, request.source) : undefined;
  const orders = planOrder(metadata, object, request.orderBy);
  const { limit, backward, cursor, offset } = planPage(request.page, orders);
  const statement = findManySql(createScope(metadata.schemaName), {
    selection: request.selection,
    ...(filter ? { filter } : {}),
    orders,
    limit,
    backward,
    ...(cursor ? { cursor } : {}),
    ...(offset ? { offset } : {}),
  });
  const result = await runJson<{ rows: Array<{ record: unknown; cursor: CursorValues }>; totalCount: number; otherSide: boolean }>(db, statement, object);
  const hasMore = result.rows.length > limit;
  const rows = hasMore ? (backward ? result.rows.slice(result.rows.length - limit) : result.rows.slice(0, limit)) : result.rows;
  const cursors = rows.map((row) => encodeCursor(row.cursor));
  return {
    records: rows.map((row) => row.record),
    cursors,
    totalCount: Number(result.totalCount),
    pageInfo: {
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
      hasNextPage: backward ? result.otherSide : hasMore,
      hasPreviousPage: backward ? hasMore : result.otherSide,
    },
  };
}

/** One live record by id, or null. One statement. */
export async function findOne(db: Db, metadata: WorkspaceMetadata, access: RecordAccess, selection: Selection, id: string): Promise<unknown | null> {
  if (!access.can("read", selection.object)) throw permissionDenied();
  const scope = createScope(metadata.schemaName);
  const t = scope.nextAlias();
  const statement = sql`SELECT (SELECT ${recordJsonSql(scope, selection, t)} FROM ${tableOf(scope, selection.object.tableName)} ${sql.raw(t)} WHERE ${sql.raw(
    t,
  )}.id = ${sql.param(id)}::uuid AND ${sql.raw(t)}."deletedAt" IS NULL)::text AS result`;
  return runJson<unknown | null>(db, statement, selection.object);
}

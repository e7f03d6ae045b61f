import { sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { AppError, permissionDenied } from "../../errors/app-error.ts";
import type { ValueSource } from "../../field-types/leaves/leaf.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import type { RecordAccess } from "../access.ts";
import type { FilterNode, OrderItem, PageRequest } from "../ast.ts";
import { decodeCursor, encodeCursor, type CursorValues } from "../plan/cursor.ts";
import { planFilter } from "../plan/plan-filter.ts";
import { planOrder } from "../plan/plan-order.ts";
import type { Selection } from "../selection.ts";
import { findManySql } from "../sql/find-many.ts";
import { recordJsonSql } from "../sql/record-json.ts";
import { createScope, tableOf } from "../sql/where.ts";
import { runJson } from "./run-json.ts";

export const maxPageSize = 200;

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

const argsError = (message: string) => new AppError(400, "INVALID_PAGINATION", message);

/** first/last/after/before/offset checked as Twenty checks them; page sizes above 200 are clamped. */
function pageShape(page: PageRequest): { limit: number; backward: boolean } {
  if (page.first !== undefined && page.last !== undefined) throw argsError("Cannot provide both first and last");
  if (page.before !== undefined && page.after !== undefined) throw argsError("Cannot provide both before and after");
  if (page.before !== undefined && page.first !== undefined) throw argsError("Cannot provide both before and first");
  if (page.after !== undefined && page.last !== undefined) throw argsError("Cannot provide both after and last");
  if (page.first !== undefined && page.first < 0) throw argsError("First argument must be non-negative");
  if (page.last !== undefined && page.last < 0) throw argsError("Last argument must be non-negative");
  if (page.offset !== undefined && page.offset < 0) throw argsError("Offset argument must be non-negative");
  const backward = page.last !== undefined || page.before !== undefined;
  return { limit: Math.min(page.last ?? page.first ?? 60, maxPageSize), backward };
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
  const { limit, backward } = pageShape(request.page);
  const cursorText = backward ? request.page.before : request.page.after;
  const cursor = cursorText !== undefined ? decodeCursor(cursorText, orders) : undefined;
  const statement = findManySql(createScope(metadata.schemaName), {
    selection: request.selection,
    ...(filter ? { filter } : {}),
    orders,
    limit,
    backward,
    ...(cursor ? { cursor } : {}),
    ...(request.page.offset ? { offset: request.page.offset } : {}),
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

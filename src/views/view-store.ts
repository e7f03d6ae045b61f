import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { views } from "../../drizzle/schema/index.ts";
import type { WorkspaceAuthContext } from "../auth/auth-context.ts";
import type { Db } from "../db/database.ts";
import { pgErrorCode } from "../db/pg-errors.ts";
import { AppError } from "../errors/app-error.ts";
import type { ViewEntity } from "./view-entities.ts";
import { assertObjectsExist, assertReferences, loadParentViews, type PendingRow } from "./view-references.ts";
import { assertUuid, columnOf, hasColumn, writableValues, type ViewRow } from "./view-rows.ts";

export interface ViewRowFilter {
  viewId?: string | null;
  viewIds?: string[];
  objectMetadataId?: string | null;
  types?: string[] | null;
}

/** The one query builder shape every view table shares (Drizzle cannot type a union of tables). */
const tableOf = (entity: ViewEntity) => entity.table as typeof views;
const notFound = (entity: ViewEntity) => new AppError(404, `${entity.kind.toUpperCase()}_NOT_FOUND`, `${entity.label} not found`);

function ordering(entity: ViewEntity) {
  const order = [];
  if (hasColumn(entity, "position")) order.push(asc(columnOf(entity, "position")));
  if (hasColumn(entity, "positionInViewFilterGroup")) order.push(asc(columnOf(entity, "positionInViewFilterGroup")));
  order.push(asc(columnOf(entity, "createdAt")), asc(columnOf(entity, "id")));
  return order;
}

/** Live (not soft-deleted) rows of the workspace, ordered as a client shows them. */
export async function listViewRows(db: Db, workspaceId: string, entity: ViewEntity, filter: ViewRowFilter = {}): Promise<ViewRow[]> {
  const conditions: SQL[] = [eq(columnOf(entity, "workspaceId"), workspaceId), isNull(columnOf(entity, "deletedAt"))];
  if (filter.viewId != null) conditions.push(eq(columnOf(entity, "viewId"), assertUuid(filter.viewId, "viewId")));
  if (filter.viewIds) {
    if (filter.viewIds.length === 0) return [];
    conditions.push(inArray(columnOf(entity, "viewId"), filter.viewIds));
  }
  if (filter.objectMetadataId != null) conditions.push(eq(columnOf(entity, "objectMetadataId"), assertUuid(filter.objectMetadataId, "objectMetadataId")));
  if (filter.types && filter.types.length > 0) conditions.push(inArray(columnOf(entity, "type"), filter.types));
  const rows = await db
    .select()
    .from(tableOf(entity))
    .where(and(...conditions))
    .orderBy(...ordering(entity));
  return rows as ViewRow[];
}

export async function findViewRow(db: Db, workspaceId: string, entity: ViewEntity, id: string): Promise<ViewRow | null> {
  const [row] = await db
    .select()
    .from(tableOf(entity))
    .where(and(eq(columnOf(entity, "id"), assertUuid(id, "id")), eq(columnOf(entity, "workspaceId"), workspaceId), isNull(columnOf(entity, "deletedAt"))));
  return (row as ViewRow | undefined) ?? null;
}

export async function getViewRow(db: Db, workspaceId: string, entity: ViewEntity, id: string): Promise<ViewRow> {
  const row = await findViewRow(db, workspaceId, entity, id);
  if (!row) throw notFound(entity);
  return row;
}

/** Refusals the constraints raise when a concurrent change slips between our checks and the write. */
async function writing<T>(entity: ViewEntity, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const code = pgErrorCode(error);
    if (code === "23505") {
      throw new AppError(400, `${entity.kind.toUpperCase()}_ALREADY_EXISTS`, entity.kind === "viewField" ? "This field is already in the view" : `${entity.label} already exists`);
    }
    if (code === "23503") throw new AppError(400, "INVALID_REFERENCE", `${entity.label} refers to a row that does not exist`);
    throw error;
  }
}

/** Who writes: the workspace, and the user (views remember the user who made them). */
export interface ViewWriter {
  workspaceId: string;
  userWorkspaceId: string | null;
}

export function viewWriterOf(auth: WorkspaceAuthContext): ViewWriter {
  return { workspaceId: auth.workspace.id, userWorkspaceId: auth.kind === "user" ? auth.userWorkspaceId : null };
}

/** Creates rows (one statement, all or none) after checking what each names. */
export async function createViewRows(db: Db, writer: ViewWriter, entity: ViewEntity, inputs: Array<Record<string, unknown>>): Promise<ViewRow[]> {
  if (inputs.length === 0) return [];
  const { workspaceId } = writer;
  const keep = entity.kind === "view" ? ["id", "objectMetadataId", "key"] : ["id", "viewId", "fieldMetadataId"];
  const values = inputs.map((input): Record<string, unknown> => ({
    ...writableValues(entity, input, keep),
    ...(entity.kind === "view" ? { createdByUserWorkspaceId: writer.userWorkspaceId } : {}),
  }));
  for (const row of values) if (row.id !== undefined) assertUuid(row.id, "id");
  let pending: PendingRow[];
  if (entity.kind === "view") {
    await assertObjectsExist(db, workspaceId, values.map((row) => row.objectMetadataId));
    pending = values.map((row) => ({ values: row, objectMetadataId: String(row.objectMetadataId) }));
  } else {
    const parents = await loadParentViews(db, workspaceId, values.map((row) => row.viewId as string));
    pending = values.map((row) => {
      const parent = parents.get(String(row.viewId))!;
      // A group column stands on the field the view is grouped by unless the caller names one.
      if (entity.kind === "viewGroup" && row.fieldMetadataId === undefined) row.fieldMetadataId = parent.mainGroupByFieldMetadataId ?? null;
      return { values: row, objectMetadataId: String(parent.objectMetadataId), viewId: parent.id };
    });
  }
  await assertReferences(db, workspaceId, entity, pending);
  const rows = await writing(entity, () =>
    db
      .insert(tableOf(entity))
      .values(values.map((row) => ({ ...row, workspaceId })) as never)
      .returning(),
  );
  return rows as ViewRow[];
}

export async function updateViewRow(db: Db, workspaceId: string, entity: ViewEntity, id: string, input: Record<string, unknown>): Promise<ViewRow> {
  const existing = await getViewRow(db, workspaceId, entity, id);
  const changes = writableValues(entity, input);
  if (Object.keys(changes).length === 0) return existing;
  const objectMetadataId = String(entity.kind === "view" ? existing.objectMetadataId : (await loadParentViews(db, workspaceId, [String(existing.viewId)])).get(String(existing.viewId))!.objectMetadataId);
  await assertReferences(db, workspaceId, entity, [{ values: changes, objectMetadataId, viewId: existing.viewId }]);
  const [row] = await writing(entity, () =>
    db
      .update(tableOf(entity))
      .set({ ...changes, updatedAt: new Date() } as never)
      .where(and(eq(columnOf(entity, "id"), existing.id), eq(columnOf(entity, "workspaceId"), workspaceId)))
      .returning(),
  );
  if (!row) throw notFound(entity);
  return row as ViewRow;
}

/** Soft delete: the row stays (restorable by Twenty's app) but leaves every list. */
export async function softDeleteViewRow(db: Db, workspaceId: string, entity: ViewEntity, id: string): Promise<ViewRow> {
  const now = new Date();
  const [row] = await db
    .update(tableOf(entity))
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(columnOf(entity, "id"), assertUuid(id, "id")), eq(columnOf(entity, "workspaceId"), workspaceId), isNull(columnOf(entity, "deletedAt"))))
    .returning();
  if (!row) throw notFound(entity);
  return row as ViewRow;
}

/** Hard delete, soft-deleted rows included; what belongs to the row goes with it (ON DELETE CASCADE). */
export async function destroyViewRow(db: Db, workspaceId: string, entity: ViewEntity, id: string): Promise<ViewRow> {
  const [row] = await db
    .delete(tableOf(entity))
    .where(and(eq(columnOf(entity, "id"), assertUuid(id, "id")), eq(columnOf(entity, "workspaceId"), workspaceId)))
    .returning();
  if (!row) throw notFound(entity);
  return row as ViewRow;
}

import { and, eq, inArray, isNull } from "drizzle-orm";
import { fieldMetadata, objectMetadata, views } from "../../drizzle/schema/index.ts";
import type { Db } from "../db/database.ts";
import { AppError } from "../errors/app-error.ts";
import { viewEntities, type ViewEntity } from "./view-entities.ts";
import { columnOf, type ViewRow } from "./view-rows.ts";

/** A row about to be written, with the view (or, for a view, the object) it belongs to. */
export interface PendingRow {
  values: Record<string, unknown>;
  objectMetadataId: string;
  viewId?: string;
}

const bad = (code: string, message: string) => new AppError(400, code, message);
const distinct = (values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === "string"))];

/** The live views behind `viewIds`, each a 404 when it is missing from the workspace. */
export async function loadParentViews(db: Db, workspaceId: string, viewIds: string[]): Promise<Map<string, ViewRow>> {
  const ids = distinct(viewIds);
  const rows = ids.length === 0 ? [] : await db.select().from(views).where(and(eq(views.workspaceId, workspaceId), inArray(views.id, ids), isNull(views.deletedAt)));
  const byId = new Map(rows.map((row) => [row.id, row as ViewRow]));
  for (const id of ids) if (!byId.has(id)) throw new AppError(404, "VIEW_NOT_FOUND", "View not found");
  return byId;
}

export async function assertObjectsExist(db: Db, workspaceId: string, objectIds: unknown[]): Promise<void> {
  const ids = distinct(objectIds);
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: objectMetadata.id })
    .from(objectMetadata)
    .where(and(eq(objectMetadata.workspaceId, workspaceId), inArray(objectMetadata.id, ids)));
  if (rows.length !== ids.length) throw bad("OBJECT_METADATA_NOT_FOUND", "Object metadata not found");
}

/**
 * Every field a row names must be a field of this workspace, and of the view's object (a filter's
 * `relationTargetFieldMetadataId` names a field of the related object); every sibling it names (filter
 * group, field group) must belong to the same view.
 */
export async function assertReferences(db: Db, workspaceId: string, entity: ViewEntity, pending: PendingRow[]): Promise<void> {
  const fieldIds = distinct(pending.flatMap((row) => entity.fieldRefs.map((column) => row.values[column])));
  if (fieldIds.length > 0) {
    const fields = await db
      .select({ id: fieldMetadata.id, objectMetadataId: fieldMetadata.objectMetadataId })
      .from(fieldMetadata)
      .where(and(eq(fieldMetadata.workspaceId, workspaceId), inArray(fieldMetadata.id, fieldIds)));
    const objectOf = new Map(fields.map((field) => [field.id, field.objectMetadataId]));
    for (const row of pending) {
      for (const column of entity.fieldRefs) {
        const id = row.values[column];
        if (typeof id !== "string") continue;
        if (!objectOf.has(id)) throw bad("FIELD_METADATA_NOT_FOUND", `Field metadata "${id}" not found (${column})`);
        if (column !== "relationTargetFieldMetadataId" && objectOf.get(id) !== row.objectMetadataId) {
          throw bad("FIELD_METADATA_NOT_IN_VIEW_OBJECT", `Field metadata "${id}" (${column}) does not belong to the view's object`);
        }
      }
    }
  }
  for (const [column, kind] of Object.entries(entity.siblingRefs)) {
    const ids = distinct(pending.map((row) => row.values[column]));
    if (ids.length === 0) continue;
    const sibling = viewEntities[kind];
    const rows = (await db
      .select({ id: columnOf(sibling, "id"), viewId: columnOf(sibling, "viewId") })
      .from(sibling.table as typeof views)
      .where(and(eq(columnOf(sibling, "workspaceId"), workspaceId), inArray(columnOf(sibling, "id"), ids), isNull(columnOf(sibling, "deletedAt"))))) as Array<{
      id: string;
      viewId: string;
    }>;
    const viewOf = new Map(rows.map((row) => [row.id, row.viewId]));
    for (const row of pending) {
      const id = row.values[column];
      if (typeof id === "string" && viewOf.get(id) !== row.viewId) throw bad(`${kind.toUpperCase()}_NOT_FOUND`, `${sibling.label} "${id}" not found in this view (${column})`);
    }
  }
}

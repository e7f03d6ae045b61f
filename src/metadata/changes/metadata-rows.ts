import { and, eq, inArray } from "drizzle-orm";
import { fieldMetadata, indexFieldMetadata, indexMetadata, objectMetadata } from "../../../drizzle/schema/index.ts";
import type { Db } from "../../db/database.ts";
import type { FieldMetadata, ObjectMetadata } from "../types.ts";

export async function saveFieldRow(tx: Db, field: FieldMetadata): Promise<void> {
  const { id, objectMetadataId: _o, createdAt: _c, ...changes } = field;
  await tx.update(fieldMetadata).set({ ...changes, updatedAt: new Date() }).where(eq(fieldMetadata.id, id));
}

export async function saveObjectRow(tx: Db, object: ObjectMetadata): Promise<void> {
  const { id, fields: _f, createdAt: _c, ...changes } = object;
  await tx.update(objectMetadata).set({ ...changes, updatedAt: new Date() }).where(eq(objectMetadata.id, id));
}

/** Deletes field rows and the index rows that covered them. */
export async function deleteFieldRows(tx: Db, fieldIds: string[]): Promise<void> {
  if (fieldIds.length === 0) return;
  const indexes = await tx
    .select({ id: indexFieldMetadata.indexMetadataId })
    .from(indexFieldMetadata)
    .where(inArray(indexFieldMetadata.fieldMetadataId, fieldIds));
  if (indexes.length > 0) await tx.delete(indexMetadata).where(inArray(indexMetadata.id, indexes.map((i) => i.id)));
  await tx.delete(fieldMetadata).where(inArray(fieldMetadata.id, fieldIds));
}

export async function deleteIndexRowsOfField(tx: Db, workspaceId: string, fieldId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: indexMetadata.id, name: indexMetadata.name })
    .from(indexMetadata)
    .innerJoin(indexFieldMetadata, eq(indexFieldMetadata.indexMetadataId, indexMetadata.id))
    .where(and(eq(indexFieldMetadata.fieldMetadataId, fieldId), eq(indexMetadata.workspaceId, workspaceId)));
  if (rows.length > 0) await tx.delete(indexMetadata).where(inArray(indexMetadata.id, rows.map((r) => r.id)));
  return rows.map((r) => r.name);
}

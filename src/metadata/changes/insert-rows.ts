import { fieldMetadata, indexFieldMetadata, indexMetadata, objectMetadata } from "../../../drizzle/schema/index.ts";
import type { Db } from "../../db/database.ts";
import { compositeDefinition } from "../../field-types/registry.ts";
import type { UniqueIndex } from "../ddl/create-object.ts";
import type { FieldMetadata, ObjectMetadata } from "../types.ts";

/** Multi-row inserts: creating a workspace writes 29 objects and ~400 fields in two statements. */
export async function insertObjectRows(tx: Db, workspaceId: string, objects: ObjectMetadata[]): Promise<void> {
  if (objects.length > 0) await tx.insert(objectMetadata).values(objects.map(({ fields: _fields, ...row }) => ({ ...row, workspaceId })));
}

export async function insertFieldRows(tx: Db, workspaceId: string, fields: FieldMetadata[]): Promise<void> {
  if (fields.length > 0) await tx.insert(fieldMetadata).values(fields.map((field) => ({ ...field, workspaceId })));
}

/** Index metadata for unique fields, so `indexMetadatas` lists what the DDL created. */
export async function insertUniqueIndexRows(tx: Db, workspaceId: string, entries: Array<{ object: ObjectMetadata; index: UniqueIndex }>): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(({ object, index }) => ({
    id: crypto.randomUUID(),
    workspaceId,
    objectMetadataId: object.id,
    name: index.name,
    isUnique: true,
    isCustom: index.field.isCustom,
    indexWhereClause: `"deletedAt" IS NULL`,
  }));
  await tx.insert(indexMetadata).values(rows);
  await tx.insert(indexFieldMetadata).values(
    entries.map(({ index }, i) => ({
      indexMetadataId: rows[i]!.id,
      fieldMetadataId: index.field.id,
      subFieldName: compositeDefinition(index.field.type)?.subFields.find((sub) => sub.isUniquePart)?.name ?? null,
      order: 0,
    })),
  );
}

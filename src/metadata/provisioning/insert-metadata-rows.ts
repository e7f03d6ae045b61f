import { fieldMetadata, indexFieldMetadata, indexMetadata, objectMetadata } from "../../../drizzle/schema/index.ts";
import type { Db } from "../../db/database.ts";
import type { FieldMetadata, ObjectMetadata } from "../types.ts";

export interface IndexRow {
  name: string;
  object: ObjectMetadata;
  field: FieldMetadata;
  subFieldName: string | null;
  isUnique: boolean;
}

/** Writes objects, fields and index rows of a workspace: three multi-row inserts whatever the count. */
export async function insertMetadataRows(db: Db, workspaceId: string, objects: ObjectMetadata[], indexes: IndexRow[]): Promise<void> {
  if (objects.length === 0) return;
  await db.insert(objectMetadata).values(objects.map(({ fields: _fields, ...object }) => ({ ...object, workspaceId })));
  const fields = objects.flatMap((object) => object.fields);
  if (fields.length > 0) await db.insert(fieldMetadata).values(fields.map((field) => ({ ...field, workspaceId })));
  if (indexes.length === 0) return;
  const indexRows = indexes.map((index) => ({
    id: crypto.randomUUID(),
    workspaceId,
    objectMetadataId: index.object.id,
    name: index.name,
    isUnique: index.isUnique,
    isCustom: index.object.isCustom,
    indexWhereClause: index.isUnique ? `"deletedAt" IS NULL` : null,
    indexType: "BTREE" as const,
  }));
  await db.insert(indexMetadata).values(indexRows);
  await db.insert(indexFieldMetadata).values(
    indexes.map((index, i) => ({ indexMetadataId: indexRows[i]!.id, fieldMetadataId: index.field.id, subFieldName: index.subFieldName, order: 0 })),
  );
}

import { fieldMetadata, indexFieldMetadata, indexMetadata, objectMetadata } from "../../../drizzle/schema/index.ts";
import type { Db } from "../../db/database.ts";
import { compositeDefinition } from "../../field-types/registry.ts";
import type { UniqueIndex } from "../ddl/create-object.ts";
import type { FieldMetadata, ObjectMetadata } from "../types.ts";

export async function insertObjectRow(tx: Db, workspaceId: string, object: ObjectMetadata): Promise<void> {
  const { fields: _fields, ...row } = object;
  await tx.insert(objectMetadata).values({ ...row, workspaceId });
}

export async function insertFieldRows(tx: Db, workspaceId: string, fields: FieldMetadata[]): Promise<void> {
  if (fields.length > 0) await tx.insert(fieldMetadata).values(fields.map((field) => ({ ...field, workspaceId })));
}

/** Index metadata for unique fields, so `indexMetadatas` lists what the DDL created. */
export async function insertUniqueIndexRows(tx: Db, workspaceId: string, object: ObjectMetadata, indexes: UniqueIndex[]): Promise<void> {
  for (const index of indexes) {
    const [row] = await tx
      .insert(indexMetadata)
      .values({ workspaceId, objectMetadataId: object.id, name: index.name, isUnique: true, isCustom: index.field.isCustom, indexWhereClause: `"deletedAt" IS NULL` })
      .returning({ id: indexMetadata.id });
    const part = compositeDefinition(index.field.type)?.subFields.find((sub) => sub.isUniquePart);
    await tx.insert(indexFieldMetadata).values({ indexMetadataId: row!.id, fieldMetadataId: index.field.id, subFieldName: part?.name ?? null, order: 0 });
  }
}

import { asc, eq, inArray } from "drizzle-orm";
import { indexFieldMetadata, indexMetadata } from "../../../drizzle/schema/index.ts";
import type { Db } from "../../db/database.ts";

export type IndexRow = typeof indexMetadata.$inferSelect & { indexFieldMetadatas: Array<typeof indexFieldMetadata.$inferSelect> };

/** A workspace's index metadata with each index's fields (two statements: indexes, then their fields). */
export async function listIndexes(db: Db, workspaceId: string): Promise<IndexRow[]> {
  const indexes = await db.select().from(indexMetadata).where(eq(indexMetadata.workspaceId, workspaceId)).orderBy(asc(indexMetadata.name));
  if (indexes.length === 0) return [];
  const fields = await db
    .select()
    .from(indexFieldMetadata)
    .where(inArray(indexFieldMetadata.indexMetadataId, indexes.map((i) => i.id)))
    .orderBy(asc(indexFieldMetadata.order));
  return indexes.map((index) => ({ ...index, indexFieldMetadatas: fields.filter((f) => f.indexMetadataId === index.id) }));
}

import { eq } from "drizzle-orm";
import { objectMetadata } from "../../../drizzle/schema/index.ts";
import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors/app-error.ts";
import { dropFieldDdl } from "../ddl/field-ddl.ts";
import { dropObjectDdl } from "../ddl/object-ddl.ts";
import type { ObjectMetadata } from "../types.ts";
import { changeMetadata } from "./metadata-change.ts";
import { deleteFieldRows } from "./metadata-rows.ts";

/**
 * Deletes a custom object: first the fields other objects hold to it (their join columns, so no foreign key
 * points at a dropped table), then its table, enum types and metadata rows. Standard objects are refused.
 */
export async function deleteObject(database: Database, workspaceId: string, id: string): Promise<ObjectMetadata> {
  return changeMetadata(database, workspaceId, async ({ tx, metadata, ddl }) => {
    const object = metadata.objectsById.get(id);
    if (!object) throw new AppError(404, "OBJECT_NOT_FOUND", "Object does not exist");
    if (!object.isCustom) throw new AppError(400, "STANDARD_OBJECT_DELETE", "Standard objects can't be deleted");
    const inverseIds: string[] = [];
    for (const field of object.fields) {
      if (field.type !== "RELATION" || !field.relationTargetFieldMetadataId) continue;
      const inverse = metadata.fieldsById.get(field.relationTargetFieldMetadataId);
      if (!inverse || inverse.object.id === id) continue;
      ddl.push(...dropFieldDdl(metadata.schemaName, inverse.object, inverse.field));
      inverseIds.push(inverse.field.id);
    }
    ddl.push(...dropObjectDdl(metadata.schemaName, object));
    await deleteFieldRows(tx, inverseIds);
    await tx.delete(objectMetadata).where(eq(objectMetadata.id, id));
    return object;
  });
}

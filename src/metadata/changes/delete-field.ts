import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors/app-error.ts";
import { dropFieldDdl } from "../ddl/field-ddl.ts";
import type { FieldMetadata } from "../types.ts";
import { changeMetadata } from "./metadata-change.ts";
import { deleteFieldRows } from "./metadata-rows.ts";

const bad = (code: string, message: string) => new AppError(400, code, message);

/**
 * Deletes a custom field with its columns. A relation goes with both sides (and the join column), since
 * half a relation cannot exist. Standard fields and the field that names the object's records are refused;
 * an active field may go (Twenty 2.21 no longer asks for deactivation first).
 */
export async function deleteField(database: Database, workspaceId: string, id: string): Promise<FieldMetadata> {
  return changeMetadata(database, workspaceId, async ({ tx, metadata, ddl }) => {
    const found = metadata.fieldsById.get(id);
    if (!found) throw new AppError(404, "FIELD_NOT_FOUND", "Field does not exist");
    const { object, field } = found;
    if (!field.isCustom) throw bad("STANDARD_FIELD_DELETE", "Standard Fields can't be deleted");
    if (object.labelIdentifierFieldMetadataId === id) throw bad("LABEL_IDENTIFIER_DELETE", "The label identifier field can't be deleted");
    const doomed = [{ object, field }];
    if (field.type === "RELATION" && field.relationTargetFieldMetadataId) {
      const inverse = metadata.fieldsById.get(field.relationTargetFieldMetadataId);
      if (inverse) doomed.push(inverse);
    }
    for (const { object: owner, field: gone } of doomed) ddl.push(...dropFieldDdl(metadata.schemaName, owner, gone));
    await deleteFieldRows(tx, doomed.map((d) => d.field.id));
    return field;
  });
}

import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors/app-error.ts";
import { renameFieldDdl } from "../ddl/field-ddl.ts";
import { renameObjectDdl } from "../ddl/object-ddl.ts";
import { tableNameFor } from "../names.ts";
import type { FieldMetadata, ObjectMetadata, RelationSettings } from "../types.ts";
import { assertNameSyncedWithLabel, validateObjectNames } from "../validation/metadata-names.ts";
import { validatingMetadata, type EntityMinimalInformation } from "../validation/metadata-validation-error.ts";
import { changeMetadata } from "./metadata-change.ts";
import { saveFieldRow, saveObjectRow } from "./metadata-rows.ts";

export interface UpdateObjectInput {
  labelSingular?: string | null;
  labelPlural?: string | null;
  nameSingular?: string | null;
  namePlural?: string | null;
  description?: string | null;
  icon?: string | null;
  shortcut?: string | null;
  color?: string | null;
  isActive?: boolean | null;
  isSearchable?: boolean | null;
  isLabelSyncedWithName?: boolean | null;
  labelIdentifierFieldMetadataId?: string | null;
  imageIdentifierFieldMetadataId?: string | null;
}

const bad = (code: string, message: string) => new AppError(400, code, message);
const labelIdentifierTypes = new Set(["TEXT", "FULL_NAME", "UUID", "NUMBER", "EMAILS", "PHONES", "DATE_TIME", "DATE"]);

/**
 * Labels and flags change rows only; a new name of a custom object renames its table and enum types, and
 * the MANY_TO_ONE fields other objects hold to it (named after it) with their join columns.
 */
export async function updateObject(database: Database, workspaceId: string, id: string, input: UpdateObjectInput): Promise<ObjectMetadata> {
  const entity: EntityMinimalInformation = { id, nameSingular: null, namePlural: null };
  return validatingMetadata("objectMetadata", "update", entity, () => changeMetadata(database, workspaceId, async ({ tx, metadata, ddl }) => {
    const before = metadata.objectsById.get(id);
    if (!before) throw new AppError(404, "OBJECT_NOT_FOUND", "Object does not exist");
    Object.assign(entity, { nameSingular: before.nameSingular, namePlural: before.namePlural });
    const names = validateObjectNames({
      nameSingular: input.nameSingular ?? before.nameSingular,
      namePlural: input.namePlural ?? before.namePlural,
      labelSingular: input.labelSingular ?? before.labelSingular,
      labelPlural: input.labelPlural ?? before.labelPlural,
    });
    const after: ObjectMetadata = { ...before, ...names };
    if (input.description !== undefined) after.description = input.description;
    if (input.icon !== undefined) after.icon = input.icon;
    if (input.shortcut !== undefined) after.shortcut = input.shortcut;
    if (input.color !== undefined) after.color = input.color;
    if (input.isSearchable != null) after.isSearchable = input.isSearchable;
    if (input.isActive != null) after.isActive = input.isActive;
    if (input.isLabelSyncedWithName != null) after.isLabelSyncedWithName = input.isLabelSyncedWithName;
    if (after.isLabelSyncedWithName) {
      assertNameSyncedWithLabel(after.nameSingular, after.labelSingular);
      assertNameSyncedWithLabel(after.namePlural, after.labelPlural);
    }
    for (const key of ["labelIdentifierFieldMetadataId", "imageIdentifierFieldMetadataId"] as const) {
      const fieldId = input[key];
      if (fieldId === undefined) continue;
      if (fieldId !== null) {
        const field = before.fields.find((f) => f.id === fieldId);
        if (!field) throw bad("INVALID_IDENTIFIER_FIELD", `${key} must name a field of this object`);
        if (key === "labelIdentifierFieldMetadataId" && !labelIdentifierTypes.has(field.type)) {
          throw bad("INVALID_IDENTIFIER_FIELD", `A ${field.type} field cannot name the records of an object`);
        }
      }
      after[key] = fieldId;
    }
    const renamed = after.nameSingular !== before.nameSingular || after.namePlural !== before.namePlural;
    if (renamed) {
      if (!before.isCustom) throw bad("STANDARD_OBJECT_NAME", "Standard object names cannot be changed");
      for (const name of [after.nameSingular, after.namePlural]) {
        const other = metadata.objectsBySingular.get(name) ?? metadata.objectsByPlural.get(name);
        if (other && other.id !== id) throw bad("OBJECT_ALREADY_EXISTS", "Object already exists");
      }
      after.tableName = tableNameFor(after.nameSingular, true);
      ddl.push(...renameObjectDdl(metadata.schemaName, before, after));
      if (after.nameSingular !== before.nameSingular) {
        for (const field of before.fields) await renameInverse(field, before, after);
      }
    }
    await saveObjectRow(tx, after);
    return after;

    /** The MANY_TO_ONE on the other side named after the old singular follows the new one. */
    async function renameInverse(field: FieldMetadata, oldObject: ObjectMetadata, newObject: ObjectMetadata) {
      if (field.type !== "RELATION" || !field.relationTargetFieldMetadataId) return;
      const inverse = metadata.fieldsById.get(field.relationTargetFieldMetadataId);
      if (!inverse || inverse.field.name !== oldObject.nameSingular) return;
      const settings = inverse.field.settings as RelationSettings | null;
      const next: FieldMetadata = {
        ...inverse.field,
        name: newObject.nameSingular,
        label: inverse.field.label === oldObject.labelSingular ? newObject.labelSingular : inverse.field.label,
        settings: settings?.relationType === "MANY_TO_ONE" ? { ...settings, joinColumnName: `${newObject.nameSingular}Id` } : inverse.field.settings,
      };
      const owner = inverse.object.id === oldObject.id ? newObject : inverse.object;
      if (owner.fields.some((f) => f.name === next.name && f.id !== next.id)) {
        throw bad("FIELD_NAME_NOT_AVAILABLE", `Name "${next.name}" is not available on ${owner.nameSingular}`);
      }
      ddl.push(...renameFieldDdl(metadata.schemaName, owner, inverse.field, next));
      await saveFieldRow(tx, next);
    }
  }));
}

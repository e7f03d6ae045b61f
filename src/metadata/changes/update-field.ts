import type { Database } from "../../db/database.ts";
import { qualified } from "../../db/sql-text.ts";
import { AppError } from "../../errors/app-error.ts";
import { alterColumnsDdl, renameFieldDdl } from "../ddl/field-ddl.ts";
import { replaceEnumDdl } from "../ddl/enum-ddl.ts";
import { fieldConstraintsDdl } from "../ddl/create-object.ts";
import type { FieldMetadata, RelationSettings } from "../types.ts";
import { universalIdentifierOf } from "../universal-identifier.ts";
import { assertNameSyncedWithLabel, validateMetadataLabel, validateMetadataName } from "../validation/metadata-names.ts";
import { assertUniqueSupported } from "./create-field.ts";
import { validatingMetadata, type EntityMinimalInformation } from "../validation/metadata-validation-error.ts";
import { validateDefaultValue } from "./field-default.ts";
import { diffOptions, validateOptions } from "./field-options.ts";
import { insertUniqueIndexRows } from "./insert-rows.ts";
import { deleteIndexRowsOfField, saveFieldRow } from "./metadata-rows.ts";
import { changeMetadata } from "./metadata-change.ts";
import { assertFieldNameFree } from "./name-availability.ts";

export interface UpdateFieldInput {
  name?: string | null;
  label?: string | null;
  description?: string | null;
  icon?: string | null;
  isActive?: boolean | null;
  isSystem?: boolean | null;
  isUIReadOnly?: boolean | null;
  isUIEditable?: boolean | null;
  isNullable?: boolean | null;
  isUnique?: boolean | null;
  isLabelSyncedWithName?: boolean | null;
  defaultValue?: unknown;
  options?: unknown;
  settings?: Record<string, unknown> | null;
  /** 2.21 sends these back with the field's own values; they never change a field. */
  universalIdentifier?: string | null;
  objectMetadataId?: string | null;
  morphRelationsUpdatePayload?: unknown[] | null;
}

const bad = (code: string, message: string) => new AppError(400, code, message);

/**
 * Applies a field change to its row and its columns together: rename (columns, enum types, join column),
 * options (enum rebuilt, values of removed options dropped, renamed ones carried), default, nullability,
 * uniqueness. The type never changes.
 */
export async function updateField(database: Database, workspaceId: string, id: string, input: UpdateFieldInput): Promise<FieldMetadata> {
  const entity: EntityMinimalInformation = { id, name: null, objectMetadataId: null };
  return validatingMetadata("fieldMetadata", "update", entity, () => changeMetadata(database, workspaceId, async ({ tx, metadata, ddl }) => {
    const found = metadata.fieldsById.get(id);
    if (!found) throw new AppError(404, "FIELD_NOT_FOUND", "Field does not exist");
    const { object, field: before } = found;
    Object.assign(entity, { name: before.name, objectMetadataId: object.id });
    const after: FieldMetadata = { ...before, settings: before.settings ? { ...before.settings } : null };
    const schema = metadata.schemaName;
    if (input.objectMetadataId != null && input.objectMetadataId !== object.id) throw bad("FIELD_OBJECT_IMMUTABLE", "A field cannot move to another object");
    if (input.universalIdentifier != null && input.universalIdentifier !== universalIdentifierOf(before)) {
      throw bad("UNIVERSAL_IDENTIFIER_IMMUTABLE", "The universal identifier of a field cannot be changed");
    }
    if (input.morphRelationsUpdatePayload?.length) throw bad("UNSUPPORTED_FIELD_TYPE", "Morph relations are not supported");

    if (input.label != null) after.label = validateMetadataLabel(input.label);
    if (input.description !== undefined) after.description = input.description;
    if (input.icon !== undefined) after.icon = input.icon;
    if (input.isActive != null) after.isActive = input.isActive;
    if (input.isSystem != null) after.isSystem = input.isSystem;
    if (input.isUIReadOnly != null) after.isUIReadOnly = input.isUIReadOnly;
    if (input.isUIEditable != null) after.isUIReadOnly = !input.isUIEditable;
    if (input.isLabelSyncedWithName != null) after.isLabelSyncedWithName = input.isLabelSyncedWithName;
    if (input.isActive === false && object.labelIdentifierFieldMetadataId === id) {
      throw bad("LABEL_IDENTIFIER_REQUIRED", "The label identifier field cannot be deactivated");
    }

    if (input.name != null && input.name !== before.name) {
      if (!before.isCustom) throw bad("STANDARD_FIELD_NAME", "Standard field names cannot be changed");
      after.name = validateMetadataName(input.name);
      if (after.type === "RELATION" && (after.settings as RelationSettings | null)?.relationType === "MANY_TO_ONE") {
        after.settings = { ...after.settings, joinColumnName: `${after.name}Id` };
      }
      assertFieldNameFree(object, after, id);
      ddl.push(...renameFieldDdl(schema, object, before, after));
    }
    if (after.isLabelSyncedWithName) assertNameSyncedWithLabel(after.name, after.label);

    if (input.options !== undefined && input.options !== null && after.type !== "RATING") {
      after.options = validateOptions(after.type, input.options);
      const { renamed, removed } = diffOptions(before.options ?? [], after.options ?? []);
      const stillValid = isDefaultStillValid(after);
      if (!stillValid) after.defaultValue = null;
      ddl.push(...replaceEnumDdl(schema, object, { ...before, name: after.name }, after, renamed, removed));
    }
    if (input.defaultValue !== undefined) after.defaultValue = validateDefaultValue(after.type, input.defaultValue, after.options);
    if (input.isNullable != null) {
      if (after.type === "TEXT" && input.isNullable) throw bad("TEXT_NOT_NULLABLE", "TEXT fields cannot be nullable: empty text is ''");
      after.isNullable = input.isNullable;
    }
    if (input.settings != null && after.type !== "RELATION") after.settings = { ...after.settings, ...input.settings };
    ddl.push(...alterColumnsDdl(schema, object, { ...before, name: after.name, options: after.options }, after));

    if (input.isUnique != null && input.isUnique !== before.isUnique) {
      after.isUnique = input.isUnique;
      if (after.isUnique) {
        assertUniqueSupported(after);
        const constraints = fieldConstraintsDdl(schema, object, after, metadata.objectsById);
        ddl.push(...constraints.statements);
        if (constraints.uniqueIndex) await insertUniqueIndexRows(tx, workspaceId, [{ object, index: constraints.uniqueIndex }]);
      } else {
        for (const name of await deleteIndexRowsOfField(tx, workspaceId, id)) ddl.push(`DROP INDEX ${qualified(schema, name)}`);
      }
    }
    await saveFieldRow(tx, after);
    return after;
  }));
}

function isDefaultStillValid(field: FieldMetadata): boolean {
  if (field.defaultValue === null || field.defaultValue === undefined) return true;
  try {
    validateDefaultValue(field.type, field.defaultValue, field.options);
    return true;
  } catch {
    return false;
  }
}

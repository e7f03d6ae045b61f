import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors/app-error.ts";
import { addFieldsToDefaultViews } from "../../views/default-views.ts";
import { uniqueColumn } from "../ddl/indexes.ts";
import { addFieldDdl } from "../ddl/field-ddl.ts";
import { buildField } from "../field-builder.ts";
import { fieldTypes, type FieldMetadata, type FieldType, type ObjectMetadata } from "../types.ts";
import { assertNameSyncedWithLabel, validateMetadataLabel, validateMetadataName } from "../validation/metadata-names.ts";
import { validatingMetadata } from "../validation/metadata-validation-error.ts";
import { validateDefaultValue } from "./field-default.ts";
import { validateOptions } from "./field-options.ts";
import { insertFieldRows, insertUniqueIndexRows } from "./insert-rows.ts";
import { changeMetadata, type MetadataChange } from "./metadata-change.ts";
import { assertFieldNameFree } from "./name-availability.ts";
import { buildRelationPair, type RelationCreationPayload } from "./relation-pair.ts";

export interface CreateFieldInput {
  type: string;
  name: string;
  label: string;
  objectMetadataId: string;
  description?: string | null;
  icon?: string | null;
  isNullable?: boolean | null;
  isUnique?: boolean | null;
  isActive?: boolean | null;
  isSystem?: boolean | null;
  isUIReadOnly?: boolean | null;
  isUIEditable?: boolean | null;
  isLabelSyncedWithName?: boolean | null;
  isRemoteCreation?: boolean | null;
  defaultValue?: unknown;
  options?: unknown;
  settings?: Record<string, unknown> | null;
  relationCreationPayload?: RelationCreationPayload | null;
}

const bad = (code: string, message: string) => new AppError(400, code, message);

export function parseFieldType(type: unknown): FieldType {
  if (typeof type !== "string" || !(fieldTypes as readonly string[]).includes(type)) {
    throw bad("INVALID_FIELD_TYPE", `Invalid field type ${JSON.stringify(type)}. Valid types are: ${fieldTypes.join(", ")}`);
  }
  return type as FieldType;
}

/** Adds a custom field: its row and columns (or both sides of a relation), in one metadata change. */
export async function createCustomField(database: Database, workspaceId: string, input: CreateFieldInput): Promise<FieldMetadata> {
  const entity = { id: crypto.randomUUID(), name: String(input.name ?? ""), objectMetadataId: input.objectMetadataId ?? null };
  return validatingMetadata("fieldMetadata", "create", entity, () => createField(database, workspaceId, input));
}

async function createField(database: Database, workspaceId: string, input: CreateFieldInput): Promise<FieldMetadata> {
  const type = parseFieldType(input.type);
  const name = validateMetadataName(input.name);
  const label = validateMetadataLabel(input.label);
  if (input.isLabelSyncedWithName) assertNameSyncedWithLabel(name, label);
  if (type === "TS_VECTOR") throw bad("UNSUPPORTED_FIELD_TYPE", "TS Vector is not supported for field creation");
  if (type === "MORPH_RELATION") throw bad("UNSUPPORTED_FIELD_TYPE", "Morph relations are not supported");
  if (input.isRemoteCreation) throw bad("UNSUPPORTED_FIELD_TYPE", "Remote fields are not supported");
  return changeMetadata(database, workspaceId, async (change) => {
    const object = change.metadata.objectsById.get(input.objectMetadataId);
    if (!object) throw bad("OBJECT_NOT_FOUND", "Object metadata does not exist");
    if (type === "RELATION") return createRelation(change, workspaceId, object, { ...input, name, label });
    const options = validateOptions(type, input.options);
    const field = buildField(
      {
        name,
        type,
        label,
        description: input.description ?? undefined,
        icon: input.icon ?? undefined,
        isNullable: type === "TEXT" ? false : (input.isNullable ?? true),
        isUnique: input.isUnique ?? false,
        isSystem: input.isSystem ?? false,
        isUIReadOnly: input.isUIReadOnly ?? (input.isUIEditable == null ? false : !input.isUIEditable),
        defaultValue: validateDefaultValue(type, input.defaultValue, options),
        ...(options ? { options } : {}),
        ...(input.settings ? { settings: input.settings } : {}),
      },
      object.id,
      new Date(),
      true,
    );
    field.isActive = input.isActive ?? true;
    field.isLabelSyncedWithName = input.isLabelSyncedWithName ?? false;
    assertFieldNameFree(object, field);
    if (field.isUnique) assertUniqueSupported(field);
    await insertFieldRows(change.tx, workspaceId, [field]);
    const ddl = addFieldDdl(change.metadata.schemaName, object, field, change.metadata.objectsById);
    change.ddl.push(...ddl.statements);
    if (ddl.uniqueIndex) await insertUniqueIndexRows(change.tx, workspaceId, [{ object, index: ddl.uniqueIndex }]);
    await addFieldsToDefaultViews(change.tx, workspaceId, [field]);
    return field;
  });
}

export function assertUniqueSupported(field: FieldMetadata): void {
  try {
    uniqueColumn(field);
  } catch {
    throw bad("UNIQUE_NOT_SUPPORTED", `${field.type} fields cannot be unique`);
  }
  if (["RELATION", "RAW_JSON", "ARRAY", "MULTI_SELECT", "FILES", "ACTOR", "BOOLEAN"].includes(field.type)) {
    throw bad("UNIQUE_NOT_SUPPORTED", `${field.type} fields cannot be unique`);
  }
}

async function createRelation(change: MetadataChange, workspaceId: string, object: ObjectMetadata, input: CreateFieldInput & { name: string; label: string }) {
  const payload = input.relationCreationPayload;
  if (!payload) throw bad("RELATION_PAYLOAD_REQUIRED", "relationCreationPayload is required for RELATION fields");
  const target = change.metadata.objectsById.get(String(payload.targetObjectMetadataId));
  if (!target) throw bad("RELATION_TARGET_NOT_FOUND", "Object metadata relation target not found for relation creation payload");
  const { source, inverse } = buildRelationPair(object, target, input, payload);
  await insertFieldRows(change.tx, workspaceId, [source, inverse]);
  await addFieldsToDefaultViews(change.tx, workspaceId, [source, inverse]);
  const objectsById = change.metadata.objectsById;
  const manyToOne = (source.settings as { relationType: string }).relationType === "MANY_TO_ONE" ? { object, field: source } : { object: target, field: inverse };
  change.ddl.push(...addFieldDdl(change.metadata.schemaName, manyToOne.object, manyToOne.field, objectsById).statements);
  return source;
}

import { z } from "@hono/zod-openapi";
import { fieldTypes } from "../types.ts";

export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(0).max(1000).optional().openapi({ description: "Page size, default and max 1000" }),
  starting_after: z.string().optional().openapi({ description: "Id of the item after which the page starts" }),
  ending_before: z.string().optional().openapi({ description: "Id of the item before which the page ends" }),
});

export const idParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

const optionalText = z.string().nullable().optional();
const optionalFlag = z.boolean().nullable().optional();

export const createObjectBody = z
  .strictObject({
    nameSingular: z.string(),
    namePlural: z.string(),
    labelSingular: z.string(),
    labelPlural: z.string(),
    description: optionalText,
    icon: optionalText,
    shortcut: optionalText,
    color: optionalText,
    skipNameField: optionalFlag,
    isRemote: optionalFlag,
    isLabelSyncedWithName: optionalFlag,
    primaryKeyColumnType: optionalText,
    primaryKeyFieldMetadataSettings: z.unknown().optional(),
  })
  .openapi("CreateObjectInput");

export const updateObjectBody = z
  .strictObject({
    labelSingular: optionalText,
    labelPlural: optionalText,
    nameSingular: optionalText,
    namePlural: optionalText,
    description: optionalText,
    icon: optionalText,
    shortcut: optionalText,
    color: optionalText,
    isActive: optionalFlag,
    isSearchable: optionalFlag,
    isLabelSyncedWithName: optionalFlag,
    labelIdentifierFieldMetadataId: z.uuid().nullable().optional(),
    imageIdentifierFieldMetadataId: z.uuid().nullable().optional(),
  })
  .openapi("UpdateObjectPayload");

const fieldFlags = {
  description: optionalText,
  icon: optionalText,
  isActive: optionalFlag,
  isSystem: optionalFlag,
  isUIEditable: optionalFlag,
  isUIReadOnly: optionalFlag,
  isNullable: optionalFlag,
  isUnique: optionalFlag,
  isLabelSyncedWithName: optionalFlag,
  defaultValue: z.unknown().optional(),
  options: z.unknown().optional(),
  settings: z.record(z.string(), z.unknown()).nullable().optional(),
};

export const createFieldBody = z
  .strictObject({
    type: z.enum(fieldTypes),
    name: z.string(),
    label: z.string(),
    objectMetadataId: z.uuid(),
    isCustom: optionalFlag,
    isRemoteCreation: optionalFlag,
    relationCreationPayload: z
      .strictObject({ type: z.string(), targetObjectMetadataId: z.uuid(), targetFieldLabel: z.string(), targetFieldIcon: z.string().nullable().optional() })
      .nullable()
      .optional(),
    morphRelationsCreationPayload: z.array(z.unknown()).nullable().optional(),
    ...fieldFlags,
  })
  .openapi("CreateFieldInput");

export const updateFieldBody = z
  .strictObject({
    universalIdentifier: optionalText,
    name: optionalText,
    label: optionalText,
    objectMetadataId: z.uuid().nullable().optional(),
    morphRelationsUpdatePayload: z.array(z.unknown()).nullable().optional(),
    ...fieldFlags,
  })
  .openapi("UpdateFieldInput");

import type { FieldMetadata, ObjectMetadata } from "../types.ts";
import type { WorkspaceMetadata } from "../workspace-metadata.ts";
import { relationOf } from "./relation-view.ts";

const objectRef = (object: ObjectMetadata) => ({ id: object.id, nameSingular: object.nameSingular, namePlural: object.namePlural });
const fieldRef = (field: FieldMetadata) => ({ id: field.id, name: field.name });

/** A field as Twenty's REST metadata API selects it (its GraphQL selection, flattened). */
export function fieldDto(metadata: WorkspaceMetadata, field: FieldMetadata) {
  const relation = relationOf(metadata, field);
  return {
    id: field.id,
    type: field.type,
    name: field.name,
    label: field.label,
    description: field.description,
    icon: field.icon,
    isCustom: field.isCustom,
    isActive: field.isActive,
    isSystem: field.isSystem,
    isNullable: field.isNullable,
    isUnique: field.isUnique,
    createdAt: field.createdAt.toISOString(),
    updatedAt: field.updatedAt.toISOString(),
    defaultValue: field.defaultValue,
    options: field.options,
    settings: field.settings,
    relation: relation && {
      type: relation.type,
      targetObjectMetadata: objectRef(relation.targetObjectMetadata),
      targetFieldMetadata: fieldRef(relation.targetFieldMetadata),
      sourceObjectMetadata: objectRef(relation.sourceObjectMetadata),
      sourceFieldMetadata: fieldRef(relation.sourceFieldMetadata),
    },
  };
}

/** An object with its fields (Twenty unwraps the nested connection into a plain array). */
export function objectDto(metadata: WorkspaceMetadata, object: ObjectMetadata) {
  return {
    id: object.id,
    nameSingular: object.nameSingular,
    namePlural: object.namePlural,
    labelSingular: object.labelSingular,
    labelPlural: object.labelPlural,
    description: object.description,
    icon: object.icon,
    isCustom: object.isCustom,
    isActive: object.isActive,
    isSystem: object.isSystem,
    createdAt: object.createdAt.toISOString(),
    updatedAt: object.updatedAt.toISOString(),
    labelIdentifierFieldMetadataId: object.labelIdentifierFieldMetadataId,
    imageIdentifierFieldMetadataId: object.imageIdentifierFieldMetadataId,
    fields: object.fields.map((field) => fieldDto(metadata, field)),
  };
}

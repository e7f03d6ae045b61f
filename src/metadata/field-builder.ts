import type { StandardFieldDefinition } from "./standard-objects/define.ts";
import type { FieldMetadata, RelationSettings } from "./types.ts";

/** A metadata row from a declared field: fresh id, option ids, relation settings with the join column. */
export function buildField(definition: StandardFieldDefinition, objectMetadataId: string, now: Date, isCustom = false): FieldMetadata {
  let settings: Record<string, unknown> | null = definition.settings ?? null;
  if (definition.relation) {
    const relation: RelationSettings = { relationType: definition.relation.type };
    if (definition.relation.type === "MANY_TO_ONE") {
      relation.onDelete = definition.relation.onDelete ?? "SET_NULL";
      relation.joinColumnName = `${definition.name}Id`;
    }
    settings = { ...settings, ...relation };
  }
  return {
    id: crypto.randomUUID(),
    objectMetadataId,
    standardId: null,
    type: definition.type,
    name: definition.name,
    label: definition.label,
    description: definition.description ?? (definition.isDeprecated ? "Deprecated" : null),
    icon: definition.icon ?? null,
    defaultValue: definition.defaultValue ?? null,
    options: definition.options?.map((option) => ({ ...option, id: option.id || crypto.randomUUID() })) ?? null,
    settings,
    isCustom,
    isActive: true,
    isSystem: definition.isSystem ?? false,
    isUIReadOnly: definition.isUIReadOnly ?? false,
    isNullable: definition.isNullable ?? (definition.type === "RELATION"),
    isUnique: definition.isUnique ?? false,
    isLabelSyncedWithName: false,
    relationTargetFieldMetadataId: null,
    relationTargetObjectMetadataId: null,
    createdAt: now,
    updatedAt: now,
  };
}

import { baseFields } from "../base-fields.ts";
import { tableNameFor } from "../names.ts";
import { searchVectorExpression } from "../search-vector.ts";
import type { StandardObjectDefinition } from "../standard-objects/define.ts";
import { buildField } from "../field-builder.ts";
import type { ObjectMetadata } from "../types.ts";

/** Turns the declared standard objects into metadata rows with fresh ids, relations wired both ways. */
export function buildStandardMetadata(definitions: StandardObjectDefinition[], now = new Date()): ObjectMetadata[] {
  const objects = definitions.map((definition) => buildObject(definition, now));
  const byName = new Map(objects.map((object) => [object.nameSingular, object]));
  for (const [index, definition] of definitions.entries()) {
    const object = objects[index]!;
    for (const fieldDefinition of definition.fields) {
      if (!fieldDefinition.relation) continue;
      const field = object.fields.find((f) => f.name === fieldDefinition.name)!;
      const target = byName.get(fieldDefinition.relation.target);
      const inverse = target?.fields.find((f) => f.name === fieldDefinition.relation!.inverse);
      if (!target || !inverse) {
        throw new Error(`relation ${object.nameSingular}.${field.name} → ${fieldDefinition.relation.target}.${fieldDefinition.relation.inverse} not found`);
      }
      field.relationTargetObjectMetadataId = target.id;
      field.relationTargetFieldMetadataId = inverse.id;
    }
    const searchVector = object.fields.find((f) => f.type === "TS_VECTOR");
    if (searchVector) {
      const sources = (definition.searchFields ?? []).map((name) => object.fields.find((f) => f.name === name)!);
      searchVector.settings = { ...searchVector.settings, generatedType: "STORED", asExpression: searchVectorExpression(sources) };
    }
  }
  return objects;
}

function buildObject(definition: StandardObjectDefinition, now: Date): ObjectMetadata {
  const id = crypto.randomUUID();
  // A millisecond apart, so fields keep their declared order wherever metadata is sorted by creation.
  const fields = [...baseFields, ...definition.fields].map((field, i) => buildField(field, id, new Date(now.getTime() + i)));
  const fieldId = (name: string | undefined) => (name ? (fields.find((f) => f.name === name)?.id ?? null) : null);
  return {
    id,
    standardId: null,
    nameSingular: definition.nameSingular,
    namePlural: definition.namePlural,
    labelSingular: definition.labelSingular,
    labelPlural: definition.labelPlural,
    description: definition.description ?? null,
    icon: definition.icon ?? null,
    shortcut: definition.shortcut ?? null,
    color: null,
    tableName: tableNameFor(definition.nameSingular, false),
    isCustom: false,
    isRemote: false,
    isActive: true,
    isSystem: definition.isSystem ?? false,
    isUIReadOnly: definition.isUIReadOnly ?? false,
    isAuditLogged: definition.isAuditLogged ?? true,
    isSearchable: definition.isSearchable ?? false,
    isLabelSyncedWithName: false,
    duplicateCriteria: definition.duplicateCriteria ?? null,
    labelIdentifierFieldMetadataId: fieldId(definition.labelIdentifier ?? "name"),
    imageIdentifierFieldMetadataId: fieldId(definition.imageIdentifier),
    createdAt: now,
    updatedAt: now,
    fields,
  };
}

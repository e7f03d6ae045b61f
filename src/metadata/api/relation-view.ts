import type { FieldMetadata, ObjectMetadata, RelationSettings } from "../types.ts";
import type { WorkspaceMetadata } from "../workspace-metadata.ts";

export interface RelationView {
  type: "MANY_TO_ONE" | "ONE_TO_MANY";
  sourceObjectMetadata: ObjectMetadata;
  targetObjectMetadata: ObjectMetadata;
  sourceFieldMetadata: FieldMetadata;
  targetFieldMetadata: FieldMetadata;
}

/** The `relation` of a field as Twenty's metadata API shows it, or null for other fields. */
export function relationOf(metadata: WorkspaceMetadata, field: FieldMetadata): RelationView | null {
  if (field.type !== "RELATION") return null;
  const source = metadata.objectsById.get(field.objectMetadataId);
  const target = metadata.objectsById.get(field.relationTargetObjectMetadataId ?? "");
  const targetField = metadata.fieldsById.get(field.relationTargetFieldMetadataId ?? "")?.field;
  if (!source || !target || !targetField) return null;
  return {
    type: (field.settings as RelationSettings | null)?.relationType ?? "MANY_TO_ONE",
    sourceObjectMetadata: source,
    targetObjectMetadata: target,
    sourceFieldMetadata: field,
    targetFieldMetadata: targetField,
  };
}

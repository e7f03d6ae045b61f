import { joinColumnOf } from "../field-types/relation.ts";
import type { FieldMetadata, ObjectMetadata, RelationSettings } from "../metadata/types.ts";
import type { WorkspaceMetadata } from "../metadata/workspace-metadata.ts";
import type { RecordAccess } from "./access.ts";
import type { ConnectionPlan } from "./connection.ts";

/** Rows one record embeds from a ONE_TO_MANY relation, at most (Twenty's QUERY_MAX_RECORDS_FROM_RELATION). */
export const relationRowCap = 60;

/** A composite's sub-fields as a GraphQL selection names them (aliases, `__typename`). */
export type SubFieldItem = { key: string; subField: string } | { key: string; typename: string };

export type SelectionItem =
  | { kind: "field"; key: string; field: FieldMetadata; subFields?: SubFieldItem[] }
  | { kind: "typename"; key: string; value: string }
  | { kind: "joinColumn"; key: string; field: FieldMetadata; column: string }
  | { kind: "toOne"; key: string; field: FieldMetadata; target: ObjectMetadata; joinColumn: string; selection: Selection }
  | { kind: "toMany"; key: string; field: FieldMetadata; target: ObjectMetadata; inverseJoinColumn: string; selection: Selection; limit: number }
  | { kind: "connection"; key: string; field: FieldMetadata; inverseJoinColumn: string; connection: ConnectionPlan };

/** What a record's JSON contains: a compiler input, built from REST's depth or a GraphQL selection set. */
export interface Selection {
  object: ObjectMetadata;
  items: SelectionItem[];
}

/** The relation's other side, when it exists and is active. */
export function relationTarget(metadata: WorkspaceMetadata, field: FieldMetadata) {
  const target = metadata.objectsById.get(field.relationTargetObjectMetadataId ?? "");
  const inverse = metadata.fieldsById.get(field.relationTargetFieldMetadataId ?? "")?.field;
  if (!target || !inverse || !target.isActive) return undefined;
  return { target, inverse, relationType: (field.settings as RelationSettings | null)?.relationType ?? "MANY_TO_ONE" };
}

/**
 * REST's selection: every readable active field (search vectors left out), MANY_TO_ONE relations as their
 * join column, and at depth 1 or 2 the related records themselves, one level less deep each time.
 */
export function selectionForDepth(metadata: WorkspaceMetadata, object: ObjectMetadata, depth: number, access: RecordAccess): Selection {
  const items: SelectionItem[] = [];
  for (const field of object.fields) {
    if (!field.isActive || field.type === "TS_VECTOR" || !access.canReadField(object, field)) continue;
    if (field.type !== "RELATION") {
      items.push({ kind: "field", key: field.name, field });
      continue;
    }
    const relation = relationTarget(metadata, field);
    if (!relation) continue;
    const joinColumn = joinColumnOf(field);
    if (joinColumn) items.push({ kind: "joinColumn", key: joinColumn, field, column: joinColumn });
    if (depth === 0 || !access.can("read", relation.target)) continue;
    const selection = selectionForDepth(metadata, relation.target, depth - 1, access);
    if (joinColumn) items.push({ kind: "toOne", key: field.name, field, target: relation.target, joinColumn, selection });
    else {
      const inverseJoinColumn = joinColumnOf(relation.inverse);
      if (inverseJoinColumn) items.push({ kind: "toMany", key: field.name, field, target: relation.target, inverseJoinColumn, selection, limit: relationRowCap });
    }
  }
  return { object, items };
}

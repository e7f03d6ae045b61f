import { qualified } from "../../db/sql-text.ts";
import { AppError } from "../../errors/app-error.ts";
import type { FieldLeaf } from "../../field-types/field-type.ts";
import { fieldTypeDefinition, isCompositeType } from "../../field-types/registry.ts";
import { joinColumnOf } from "../../field-types/relation.ts";
import type { FieldMetadata, ObjectMetadata, RelationSettings } from "../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";

/** A path resolved to one column: its field, leaf behaviour and, for `company.name`, the relation hopped. */
export interface ResolvedPath extends FieldLeaf {
  field: FieldMetadata;
  /** The path as written, for messages and cursor keys. */
  key: string;
  /** `table`: the related table, schema-qualified SQL. */
  via?: { relation: FieldMetadata; target: ObjectMetadata; joinColumn: string; table: string };
}

const unknownField = (object: ObjectMetadata, name: string) =>
  new AppError(400, "UNKNOWN_FIELD", `Object ${object.nameSingular} doesn't have any "${name}" field.`);

export function activeField(object: ObjectMetadata, name: string): FieldMetadata | undefined {
  return object.fields.find((field) => field.name === name && field.isActive);
}

/** The relation field whose join column is `name` (`companyId` → company). */
function joinColumnField(object: ObjectMetadata, name: string): FieldMetadata | undefined {
  return object.fields.find((field) => field.isActive && field.type === "RELATION" && joinColumnOf(field) === name);
}

export function leavesOf(metadata: WorkspaceMetadata, object: ObjectMetadata, field: FieldMetadata): FieldLeaf[] {
  return fieldTypeDefinition(field.type).leaves(field, { schema: metadata.schemaName, table: object.tableName });
}

/**
 * `field`, `composite.subField`, `relationId`, or `relation.field[.subField]` (one MANY_TO_ONE hop, as Twenty
 * 2.21 allows `company.name[eq]:Acme` on people). Anything else is a 400 naming the path.
 */
export function resolvePath(metadata: WorkspaceMetadata, object: ObjectMetadata, path: string[], allowHop = true, hopped: string[] = []): ResolvedPath {
  const key = [...hopped, ...path].join(".");
  const [head, ...rest] = path;
  const field = activeField(object, head!);
  if (!field) {
    const relation = rest.length === 0 ? joinColumnField(object, head!) : undefined;
    if (!relation) throw unknownField(object, head!);
    return { ...leavesOf(metadata, object, relation)[0]!, field: relation, key };
  }
  if (field.type === "RELATION") {
    if ((field.settings as RelationSettings | null)?.relationType !== "MANY_TO_ONE") {
      throw new AppError(400, "INVALID_FIELD_PATH", `"${key}": one-to-many relation "${field.name}" cannot be filtered or ordered on; filter the other object instead`);
    }
    const target = metadata.objectsById.get(field.relationTargetObjectMetadataId ?? "");
    if (rest.length === 0 || !target) {
      throw new AppError(400, "INVALID_FIELD_PATH", `"${key}": use the join column "${joinColumnOf(field)}" or a field of the related record, e.g. ${field.name}.id`);
    }
    if (!allowHop) throw new AppError(400, "INVALID_FIELD_PATH", `"${key}": only one relation can be followed`);
    const resolved = resolvePath(metadata, target, rest, false, [field.name]);
    return { ...resolved, key, via: { relation: field, target, joinColumn: joinColumnOf(field)!, table: qualified(metadata.schemaName, target.tableName) } };
  }
  const leaves = leavesOf(metadata, object, field);
  if (isCompositeType(field.type)) {
    if (rest.length === 0) {
      throw new AppError(400, "COMPOSITE_FIELD_NEEDS_SUBFIELD", `Composite field "${field.name}" needs a sub-field, e.g. ${field.name}.${leaves[0]!.subField}`);
    }
    const leaf = leaves.find((l) => l.subField === rest[0]);
    if (!leaf || rest.length > 1) throw new AppError(400, "UNKNOWN_FIELD", `Invalid subfield ${rest.join(".")} for ${field.type.toLowerCase()} field "${field.name}"`);
    return { ...leaf, field, key };
  }
  if (rest.length > 0) throw new AppError(400, "INVALID_FIELD_PATH", `"${key}": field "${field.name}" has no sub-fields`);
  return { ...leaves[0]!, field, key };
}

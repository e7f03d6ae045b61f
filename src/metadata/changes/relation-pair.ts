import { AppError } from "../../errors/app-error.ts";
import { buildField } from "../field-builder.ts";
import type { FieldMetadata, ObjectMetadata, OnDeleteAction, RelationType } from "../types.ts";
import { computeMetadataNameFromLabel, validateMetadataName } from "../validation/metadata-names.ts";
import { linkRelation } from "./create-object.ts";
import { assertFieldNameFree } from "./name-availability.ts";

export interface RelationCreationPayload {
  type: RelationType | string;
  targetObjectMetadataId: string;
  targetFieldLabel: string;
  targetFieldIcon?: string | null;
}

const onDeleteActions: OnDeleteAction[] = ["CASCADE", "RESTRICT", "SET_NULL", "NO_ACTION"];

/**
 * Both sides of a relation from one `createOneField`: the asked field and its inverse on the target, named
 * from `targetFieldLabel`; the MANY_TO_ONE side gets `<name>Id` and the foreign key (SET_NULL unless
 * `settings.onDelete` says otherwise).
 */
export function buildRelationPair(
  object: ObjectMetadata,
  target: ObjectMetadata,
  input: { name: string; label: string; description?: string | null; icon?: string | null; settings?: Record<string, unknown> | null },
  payload: RelationCreationPayload,
): { source: FieldMetadata; inverse: FieldMetadata } {
  if (payload.type !== "MANY_TO_ONE" && payload.type !== "ONE_TO_MANY") {
    throw new AppError(400, "INVALID_RELATION_TYPE", `Invalid relation type ${JSON.stringify(payload.type)}: MANY_TO_ONE or ONE_TO_MANY`);
  }
  if (typeof payload.targetFieldLabel !== "string") throw new AppError(400, "INVALID_RELATION_PAYLOAD", "targetFieldLabel is required");
  const inverseName = validateMetadataName(computeMetadataNameFromLabel(payload.targetFieldLabel));
  if (object.id === target.id && inverseName === input.name) {
    throw new AppError(400, "RELATION_SAME_NAME", `Name "${input.name}" cannot be the same on both side of the relation`);
  }
  const onDelete = (input.settings?.onDelete as OnDeleteAction | undefined) ?? "SET_NULL";
  if (!onDeleteActions.includes(onDelete)) throw new AppError(400, "INVALID_ON_DELETE", `onDelete must be one of ${onDeleteActions.join(", ")}`);
  const now = new Date();
  const type = payload.type;
  const opposite: RelationType = type === "MANY_TO_ONE" ? "ONE_TO_MANY" : "MANY_TO_ONE";
  const source = buildField(
    {
      name: input.name,
      type: "RELATION",
      label: input.label,
      description: input.description ?? undefined,
      icon: input.icon ?? "IconRelationOneToMany",
      isNullable: true,
      relation: { type, target: target.nameSingular, inverse: inverseName, ...(type === "MANY_TO_ONE" ? { onDelete } : {}) },
    },
    object.id,
    now,
    true,
  );
  const inverse = buildField(
    {
      name: inverseName,
      type: "RELATION",
      label: payload.targetFieldLabel.trim(),
      icon: payload.targetFieldIcon ?? "IconRelationOneToMany",
      isNullable: true,
      relation: { type: opposite, target: object.nameSingular, inverse: input.name, ...(opposite === "MANY_TO_ONE" ? { onDelete } : {}) },
    },
    target.id,
    now,
    true,
  );
  assertFieldNameFree(object, source);
  assertFieldNameFree(target, inverse);
  if (object.id === target.id) assertFieldNameFree({ ...object, fields: [source] }, inverse);
  linkRelation(source, inverse, object, target);
  return { source, inverse };
}

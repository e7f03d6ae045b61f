import type { OnDeleteAction } from "../types.ts";
import type { StandardFieldDefinition } from "./define.ts";

type FieldExtras = Omit<Partial<StandardFieldDefinition>, "name" | "type" | "label" | "relation">;

export function positionField(description?: string): StandardFieldDefinition {
  return { name: "position", type: "POSITION", label: "Position", description, icon: "IconHierarchy2", isSystem: true, defaultValue: 0 };
}

export function createdByField(label = "Created by", description = "The creator of the record"): StandardFieldDefinition {
  return {
    name: "createdBy",
    type: "ACTOR",
    label,
    description,
    icon: "IconCreativeCommonsSa",
    isUIReadOnly: true,
    defaultValue: { source: "'MANUAL'", name: "'System'", workspaceMemberId: null },
  };
}

export function updatedByField(): StandardFieldDefinition {
  return { ...createdByField("Updated by", "The workspace member who last updated the record"), name: "updatedBy", icon: "IconUserCircle" };
}

export function searchVectorField(): StandardFieldDefinition {
  return {
    name: "searchVector",
    type: "TS_VECTOR",
    label: "Search vector",
    description: "Field used for full-text search",
    icon: "IconUser",
    isNullable: true,
    isSystem: true,
  };
}

/** A TEXT field; non-nullable ones default to `''` unless `defaultValue` says otherwise. */
export function textField(name: string, label: string, extras: FieldExtras = {}): StandardFieldDefinition {
  return { name, type: "TEXT", label, ...(extras.isNullable ? {} : { defaultValue: "''" }), ...extras };
}

/** The side that holds the `<name>Id` column; always nullable, as the column is. */
export function manyToOne(
  name: string,
  label: string,
  target: string,
  inverse: string,
  onDelete: OnDeleteAction,
  extras: FieldExtras = {},
): StandardFieldDefinition {
  return { name, type: "RELATION", label, ...extras, isNullable: true, relation: { type: "MANY_TO_ONE", target, inverse, onDelete } };
}

export function oneToMany(name: string, label: string, target: string, inverse: string, extras: FieldExtras = {}): StandardFieldDefinition {
  return { name, type: "RELATION", label, ...extras, relation: { type: "ONE_TO_MANY", target, inverse } };
}

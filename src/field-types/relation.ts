import type { FieldMetadata, RelationSettings } from "../metadata/types.ts";
import type { FieldTypeDefinition } from "./field-type.ts";
import { uuidLeaf } from "./leaves/identity.ts";

export function joinColumnOf(field: FieldMetadata): string | undefined {
  const settings = field.settings as RelationSettings | null;
  if (settings?.relationType !== "MANY_TO_ONE") return undefined;
  return settings.joinColumnName ?? `${field.name}Id`;
}

/** Only the MANY_TO_ONE side has a column, its join column; the foreign key is added by the DDL builder. */
export const relationType: FieldTypeDefinition = {
  types: ["RELATION", "MORPH_RELATION"],
  columns(field) {
    const joinColumn = joinColumnOf(field);
    return joinColumn ? [{ name: joinColumn, sqlType: "uuid", nullable: true }] : [];
  },
  leaves(field) {
    const joinColumn = joinColumnOf(field);
    return joinColumn ? [{ column: joinColumn, leaf: uuidLeaf }] : [];
  },
};

import type { RelationSettings } from "../metadata/types.ts";
import type { FieldTypeDefinition } from "./field-type.ts";

/** Only the MANY_TO_ONE side has a column, its join column; the foreign key is added by the DDL builder. */
export const relationType: FieldTypeDefinition = {
  types: ["RELATION", "MORPH_RELATION"],
  columns(field) {
    const settings = field.settings as RelationSettings | null;
    if (settings?.relationType !== "MANY_TO_ONE") return [];
    return [{ name: settings.joinColumnName ?? `${field.name}Id`, sqlType: "uuid", nullable: true }];
  },
};

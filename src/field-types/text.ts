import { nullableTextLeaf, textLeaf } from "./leaves/text.ts";
import { scalarType } from "./scalar.ts";

export const textType = scalarType(["TEXT"], "text", textLeaf, {
  searchText: (field, column) => [column(field.name)],
});

/** Legacy rich text (v1): plain text, kept readable, not searchable. */
export const richTextType = scalarType(["RICH_TEXT"], "text", nullableTextLeaf);

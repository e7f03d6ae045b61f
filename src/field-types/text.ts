import { textLeaf } from "./leaves/text.ts";
import { scalarType } from "./scalar.ts";

export const textType = scalarType(["TEXT"], "text", textLeaf, {
  searchText: (field, column) => [column(field.name)],
});


import { scalarType } from "./scalar.ts";

export const textType = scalarType(["TEXT", "RICH_TEXT"], "text", {
  searchText: (field, column) => [column(field.name)],
});

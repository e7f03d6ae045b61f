import { textArrayLeaf } from "./leaves/structured.ts";
import { scalarType } from "./scalar.ts";

export const arrayType = scalarType(["ARRAY"], "text[]", textArrayLeaf, {
  searchText: (field, column) => [`array_to_string(${column(field.name)}, ' ')`],
});

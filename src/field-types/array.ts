import { scalarType } from "./scalar.ts";

export const arrayType = scalarType(["ARRAY"], "text[]", {
  searchText: (field, column) => [`array_to_string(${column(field.name)}, ' ')`],
});

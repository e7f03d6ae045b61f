import { foldedLimit } from "./fold-limit.ts";
import type { SelectionFold } from "./selection-fold.ts";

// `__typename` is left out, as Twenty does: clients such as Apollo add it to every selection set.
const fieldCountFold: SelectionFold<number> = {
  empty: 0,
  siblings: (a, b) => a + b,
  field: (node, _type, selection) => (node.name.value === "__typename" ? 0 : 1) + selection(),
};

const fieldCountLimit = foldedLimit(fieldCountFold, (value, max) => `Query too complex - Too many fields requested: ${value} - Maximum allowed fields: ${max}`, "TOO_MANY_FIELDS");

/** Fields selected by the document's largest operation, each fragment counted once per spread. */
export const measureFieldCount = fieldCountLimit.measure;
export const checkFieldCount = fieldCountLimit.check;

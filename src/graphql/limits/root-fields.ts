import { foldedLimit } from "./fold-limit.ts";
import type { SelectionFold } from "./selection-fold.ts";

// Each root field is its own resolver call (aliases included); nothing below the top is walked.
const rootFieldFold: SelectionFold<number> = {
  empty: 0,
  siblings: (a, b) => a + b,
  field: (node) => (node.name.value === "__typename" ? 0 : 1),
};

const rootFieldsLimit = foldedLimit(rootFieldFold, (value, max) => `Query too complex - Too many root resolvers requested: ${value} - Maximum allowed root resolvers: ${max}`, "TOO_MANY_ROOT_RESOLVERS");

/** Root fields of the document's largest operation, fragments at the top expanded. */
export const measureRootFields = rootFieldsLimit.measure;
export const checkRootFields = rootFieldsLimit.check;

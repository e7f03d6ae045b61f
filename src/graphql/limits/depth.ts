import { foldedLimit } from "./fold-limit.ts";
import type { SelectionFold } from "./selection-fold.ts";

// Every field is a level, `__typename` included: depth is about nesting, not about cost.
const depthFold: SelectionFold<number> = {
  empty: 0,
  siblings: Math.max,
  field: (_node, _type, selection) => 1 + selection(),
};

const depthLimit = foldedLimit(depthFold, (value, max) => `Query too complex - Too many nested fields requested: ${value} - Maximum allowed nested fields: ${max}`, "QUERY_TOO_DEEP");

/** Fields on the longest path from a root field to a leaf, over the document's deepest operation. */
export const measureDepth = depthLimit.measure;
export const checkDepth = depthLimit.check;

import { booleanLeaf } from "./leaves/identity.ts";
import { scalarType } from "./scalar.ts";

export const booleanType = scalarType(["BOOLEAN"], "boolean", booleanLeaf);

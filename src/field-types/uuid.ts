import { uuidLeaf } from "./leaves/identity.ts";
import { scalarType } from "./scalar.ts";

export const uuidType = scalarType(["UUID"], "uuid", uuidLeaf);

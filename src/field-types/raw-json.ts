import { jsonLeaf } from "./leaves/structured.ts";
import { scalarType } from "./scalar.ts";

export const rawJsonType = scalarType(["RAW_JSON"], "jsonb", jsonLeaf);

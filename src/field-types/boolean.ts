import { scalarType } from "./scalar.ts";

export const booleanType = scalarType(["BOOLEAN"], "boolean");

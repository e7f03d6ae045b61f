import { scalarType } from "./scalar.ts";

export const uuidType = scalarType(["UUID"], "uuid");

import { scalarType } from "./scalar.ts";

/** NUMBER and POSITION are double precision; NUMERIC keeps exact decimals. */
export const numberType = scalarType(["NUMBER", "POSITION"], "double precision");
export const numericType = scalarType(["NUMERIC"], "numeric");

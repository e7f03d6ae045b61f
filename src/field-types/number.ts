import { numberLeaf, numericLeaf, positionLeaf } from "./leaves/number.ts";
import { scalarType } from "./scalar.ts";

/** NUMBER and POSITION are double precision; NUMERIC keeps exact decimals. */
export const numberType = scalarType(["NUMBER"], "double precision", numberLeaf);
export const positionType = scalarType(["POSITION"], "double precision", positionLeaf);
export const numericType = scalarType(["NUMERIC"], "numeric", numericLeaf);

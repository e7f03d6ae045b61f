import { dateLeaf, dateTimeLeaf } from "./leaves/temporal.ts";
import { scalarType } from "./scalar.ts";

export const dateTimeType = scalarType(["DATE_TIME"], "timestamptz", dateTimeLeaf);
export const dateType = scalarType(["DATE"], "date", dateLeaf);

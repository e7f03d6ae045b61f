import { scalarType } from "./scalar.ts";

export const dateTimeType = scalarType(["DATE_TIME"], "timestamptz");
export const dateType = scalarType(["DATE"], "date");

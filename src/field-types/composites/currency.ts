import { compositeType } from "../composite.ts";

/** Amounts in micros (× 1,000,000) so that cents never meet floating point. */
export const currencyType = compositeType("CURRENCY", [
  { name: "amountMicros", kind: "NUMERIC", defaultValue: null },
  { name: "currencyCode", kind: "TEXT", defaultValue: "''" },
]);

import { compositeType } from "../composite.ts";

export const addressType = compositeType("ADDRESS", [
  { name: "addressStreet1", kind: "TEXT", defaultValue: "''" },
  { name: "addressStreet2", kind: "TEXT", defaultValue: "''" },
  { name: "addressCity", kind: "TEXT", defaultValue: "''" },
  { name: "addressPostcode", kind: "TEXT", defaultValue: "''" },
  { name: "addressState", kind: "TEXT", defaultValue: "''" },
  { name: "addressCountry", kind: "TEXT", defaultValue: "''" },
  { name: "addressLat", kind: "NUMERIC", defaultValue: null },
  { name: "addressLng", kind: "NUMERIC", defaultValue: null },
]);

import { compositeType } from "../composite.ts";

export const phonesType = compositeType("PHONES", [
  { name: "primaryPhoneNumber", kind: "TEXT", defaultValue: "''", isUniquePart: true, searchable: true },
  { name: "primaryPhoneCountryCode", kind: "TEXT", defaultValue: "''" },
  { name: "primaryPhoneCallingCode", kind: "TEXT", defaultValue: "''", searchable: true },
  { name: "additionalPhones", kind: "RAW_JSON", defaultValue: null, emptyJson: "[]" },
]);

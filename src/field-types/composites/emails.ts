import { compositeType } from "../composite.ts";

export const emailsType = compositeType("EMAILS", [
  { name: "primaryEmail", kind: "TEXT", defaultValue: "''", isUniquePart: true, searchable: true },
  { name: "additionalEmails", kind: "RAW_JSON", defaultValue: null, emptyJson: "[]" },
]);

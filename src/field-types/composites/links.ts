import { compositeType } from "../composite.ts";

export const linksType = compositeType("LINKS", [
  { name: "primaryLinkLabel", kind: "TEXT", defaultValue: "''" },
  { name: "primaryLinkUrl", kind: "TEXT", defaultValue: "''", isUniquePart: true, searchable: true },
  { name: "secondaryLinks", kind: "RAW_JSON", defaultValue: null, emptyJson: "[]" },
]);

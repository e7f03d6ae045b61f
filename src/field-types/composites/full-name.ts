import { compositeType } from "../composite.ts";

export const fullNameType = compositeType("FULL_NAME", [
  { name: "firstName", kind: "TEXT", defaultValue: "''", searchable: true },
  { name: "lastName", kind: "TEXT", defaultValue: "''", searchable: true },
]);

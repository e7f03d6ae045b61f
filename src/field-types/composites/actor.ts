import { compositeType } from "../composite.ts";

export const actorSources = ["EMAIL", "CALENDAR", "WORKFLOW", "AGENT", "API", "APPLICATION", "IMPORT", "MANUAL", "SYSTEM", "WEBHOOK"] as const;

/** Who created a record; the server fills it from the caller, clients may only choose `source`. */
export const actorType = compositeType("ACTOR", [
  { name: "source", kind: "ENUM", enumValues: actorSources, defaultValue: "'MANUAL'", nonNull: true },
  { name: "workspaceMemberId", kind: "UUID", defaultValue: null, hiddenOnInput: true },
  { name: "name", kind: "TEXT", defaultValue: "'System'", hiddenOnInput: true, nonNull: true },
  { name: "context", kind: "RAW_JSON", defaultValue: null, emptyJson: "{}" },
]);

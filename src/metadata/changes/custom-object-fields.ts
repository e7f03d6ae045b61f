import type { StandardFieldDefinition } from "../standard-objects/define.ts";

/** Besides the base fields, every custom object starts with these (Twenty §3.9). */
export const customObjectDefaultFields: StandardFieldDefinition[] = [
  { name: "name", type: "TEXT", label: "Name", icon: "IconAbc", description: "Name", defaultValue: "''" },
  { name: "createdBy", type: "ACTOR", label: "Created by", icon: "IconCreativeCommonsSa", isUIReadOnly: true, defaultValue: { name: "''", source: "'MANUAL'" } },
  { name: "updatedBy", type: "ACTOR", label: "Updated by", icon: "IconUserCircle", isUIReadOnly: true, defaultValue: { name: "''", source: "'MANUAL'" } },
  { name: "position", type: "POSITION", label: "Position", icon: "IconHierarchy2", isSystem: true, isUIReadOnly: true, defaultValue: 0 },
  { name: "searchVector", type: "TS_VECTOR", label: "Search vector", icon: "IconUser", isNullable: true, isSystem: true, isUIReadOnly: true },
];

/** The standard objects every custom object is linked to, each getting a MANY_TO_ONE back to it. */
export const customObjectRelationTargets = ["timelineActivity", "favorite", "attachment", "noteTarget", "taskTarget"] as const;

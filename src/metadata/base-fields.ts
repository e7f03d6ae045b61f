import type { StandardFieldDefinition } from "./standard-objects/define.ts";

/** Every object, standard or custom, starts with these four fields. */
export const baseFields: StandardFieldDefinition[] = [
  { name: "id", type: "UUID", label: "Id", icon: "Icon123", isSystem: true, isUIReadOnly: true, isUnique: true, defaultValue: "uuid" },
  { name: "createdAt", type: "DATE_TIME", label: "Creation date", icon: "IconCalendar", isUIReadOnly: true, defaultValue: "now" },
  { name: "updatedAt", type: "DATE_TIME", label: "Last update", icon: "IconCalendarClock", isUIReadOnly: true, defaultValue: "now" },
  { name: "deletedAt", type: "DATE_TIME", label: "Deleted at", icon: "IconCalendarMinus", isUIReadOnly: true, isNullable: true },
];

import { createdByField, updatedByField, oneToMany, positionField, searchVectorField, textField } from "./common-fields.ts";
import type { StandardObjectDefinition } from "./define.ts";

export const dashboard: StandardObjectDefinition = {
  nameSingular: "dashboard",
  namePlural: "dashboards",
  labelSingular: "Dashboard",
  labelPlural: "Dashboards",
  description: "A dashboard",
  icon: "IconLayoutDashboard",
  shortcut: "D",
  isSearchable: true,
  labelIdentifier: "title",
  searchFields: ["title"],
  fields: [
    textField("title", "Title", { description: "Dashboard title", icon: "IconNotes" }),
    { name: "pageLayoutId", type: "UUID", label: "Page Layout ID", description: "Dashboard page layout", icon: "IconLayout", isNullable: true, isUIReadOnly: true },
    positionField("Dashboard record position"),
    createdByField(),
    updatedByField(),
    oneToMany("timelineActivities", "Timeline Activities", "timelineActivity", "dashboard", {
      description: "Timeline activities linked to the dashboard",
      icon: "IconTimelineEvent",
    }),
    oneToMany("favorites", "Favorites", "favorite", "dashboard", { description: "Favorites linked to the dashboard", icon: "IconHeart", isSystem: true }),
    oneToMany("attachments", "Attachments", "attachment", "dashboard", {
      description: "Attachments linked to the dashboard",
      icon: "IconFileImport",
      isSystem: true,
    }),
    searchVectorField(),
  ],
};

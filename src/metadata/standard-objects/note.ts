import { createdByField, updatedByField, oneToMany, positionField, searchVectorField, textField } from "./common-fields.ts";
import type { StandardObjectDefinition } from "./define.ts";

export const note: StandardObjectDefinition = {
  nameSingular: "note",
  namePlural: "notes",
  labelSingular: "Note",
  labelPlural: "Notes",
  description: "A note",
  icon: "IconNotes",
  shortcut: "N",
  isSearchable: true,
  labelIdentifier: "title",
  searchFields: ["title", "bodyV2"],
  fields: [
    positionField("Note record position"),
    textField("title", "Title", { description: "Note title", icon: "IconNotes" }),
    { name: "bodyV2", type: "RICH_TEXT", label: "Body", description: "Note body", icon: "IconFilePencil", isNullable: true },
    createdByField(),
    updatedByField(),
    oneToMany("noteTargets", "Relations", "noteTarget", "note", { description: "Note targets", icon: "IconArrowUpRight", isNullable: true, isSystem: true }),
    oneToMany("attachments", "Attachments", "attachment", "note", { description: "Note attachments", icon: "IconFileImport", isNullable: true, isSystem: true }),
    oneToMany("timelineActivities", "Timeline Activities", "timelineActivity", "note", {
      description: "Timeline Activities linked to the note.",
      icon: "IconTimelineEvent",
      isNullable: true,
      isSystem: true,
    }),
    oneToMany("favorites", "Favorites", "favorite", "note", { description: "Favorites linked to the note", icon: "IconHeart", isSystem: true }),
    searchVectorField(),
  ],
};

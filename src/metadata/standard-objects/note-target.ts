import { manyToOne } from "./common-fields.ts";
import type { StandardObjectDefinition } from "./define.ts";

/** Links a note to the records it is about; custom objects add one CASCADE m2o each when they are created. */
export const noteTarget: StandardObjectDefinition = {
  nameSingular: "noteTarget",
  namePlural: "noteTargets",
  labelSingular: "Note Target",
  labelPlural: "Note Targets",
  description: "A note target",
  icon: "IconCheckbox",
  isSystem: true,
  fields: [
    manyToOne("note", "Note", "note", "noteTargets", "SET_NULL", { description: "NoteTarget note", icon: "IconNotes" }),
    manyToOne("person", "Person", "person", "noteTargets", "CASCADE", { description: "NoteTarget person", icon: "IconUser" }),
    manyToOne("company", "Company", "company", "noteTargets", "CASCADE", { description: "NoteTarget company", icon: "IconBuildingSkyscraper" }),
    manyToOne("opportunity", "Opportunity", "opportunity", "noteTargets", "CASCADE", { description: "NoteTarget opportunity", icon: "IconTargetArrow" }),
  ],
};

import { createdByField, manyToOne, oneToMany, positionField, searchVectorField, textField } from "./common-fields.ts";
import { selectOptions, type StandardObjectDefinition } from "./define.ts";

export const opportunity: StandardObjectDefinition = {
  nameSingular: "opportunity",
  namePlural: "opportunities",
  labelSingular: "Opportunity",
  labelPlural: "Opportunities",
  description: "An opportunity",
  icon: "IconTargetArrow",
  shortcut: "O",
  isSearchable: true,
  labelIdentifier: "name",
  searchFields: ["name"],
  fields: [
    textField("name", "Name", { description: "The opportunity name", icon: "IconTargetArrow" }),
    { name: "amount", type: "CURRENCY", label: "Amount", description: "Opportunity amount", icon: "IconCurrencyDollar", isNullable: true },
    { name: "closeDate", type: "DATE_TIME", label: "Close date", description: "Opportunity close date", icon: "IconCalendarEvent", isNullable: true },
    {
      name: "stage",
      type: "SELECT",
      label: "Stage",
      description: "Opportunity stage",
      icon: "IconProgressCheck",
      defaultValue: "'NEW'",
      options: selectOptions([
        ["NEW", "New", "red"],
        ["SCREENING", "Screening", "purple"],
        ["MEETING", "Meeting", "sky"],
        ["PROPOSAL", "Proposal", "turquoise"],
        ["CUSTOMER", "Customer", "yellow"],
      ]),
    },
    positionField("Opportunity record position"),
    createdByField(),
    manyToOne("pointOfContact", "Point of Contact", "person", "pointOfContactForOpportunities", "SET_NULL", {
      description: "Opportunity point of contact",
      icon: "IconUser",
    }),
    manyToOne("company", "Company", "company", "opportunities", "SET_NULL", { description: "Opportunity company", icon: "IconBuildingSkyscraper" }),
    oneToMany("favorites", "Favorites", "favorite", "opportunity", {
      description: "Favorites linked to the opportunity",
      icon: "IconHeart",
      isNullable: true,
      isSystem: true,
    }),
    oneToMany("taskTargets", "Tasks", "taskTarget", "opportunity", { description: "Tasks tied to the opportunity", icon: "IconCheckbox", isUIReadOnly: true }),
    oneToMany("noteTargets", "Notes", "noteTarget", "opportunity", { description: "Notes tied to the opportunity", icon: "IconNotes", isUIReadOnly: true }),
    oneToMany("attachments", "Attachments", "attachment", "opportunity", {
      description: "Attachments linked to the opportunity",
      icon: "IconFileImport",
      isNullable: true,
      isSystem: true,
    }),
    oneToMany("timelineActivities", "Timeline Activities", "timelineActivity", "opportunity", {
      description: "Timeline Activities linked to the opportunity.",
      icon: "IconTimelineEvent",
      isNullable: true,
      isSystem: true,
    }),
    textField("probability", "Probability", {
      description: "Opportunity probability",
      icon: "IconProgressCheck",
      defaultValue: "'0'",
      isDeprecated: true,
    }),
    searchVectorField(),
  ],
};

import { manyToOne, textField } from "./common-fields.ts";
import type { StandardObjectDefinition } from "./define.ts";

/** An event shown on a record's timeline; custom objects add one CASCADE m2o each when they are created. */
export const timelineActivity: StandardObjectDefinition = {
  nameSingular: "timelineActivity",
  namePlural: "timelineActivities",
  labelSingular: "Timeline Activity",
  labelPlural: "Timeline Activities",
  description: "Aggregated / filtered event to be displayed on the timeline",
  icon: "IconTimelineEvent",
  isSystem: true,
  isAuditLogged: false,
  labelIdentifier: "name",
  fields: [
    { name: "happensAt", type: "DATE_TIME", label: "Creation date", description: "Creation date", icon: "IconCalendar", defaultValue: "now" },
    textField("name", "Event name", { description: "Event name", icon: "IconAbc" }),
    { name: "properties", type: "RAW_JSON", label: "Event details", description: "Json value for event details", icon: "IconListDetails", isNullable: true },
    textField("linkedRecordCachedName", "Linked Record cached name", { description: "Cached record name", icon: "IconAbc" }),
    { name: "linkedRecordId", type: "UUID", label: "Linked Record id", description: "Linked Record id", icon: "IconAbc", isNullable: true },
    {
      name: "linkedObjectMetadataId",
      type: "UUID",
      label: "Linked Object Metadata Id",
      description: "Linked Object Metadata Id",
      icon: "IconAbc",
      isNullable: true,
    },
    manyToOne("workspaceMember", "Workspace Member", "workspaceMember", "timelineActivities", "CASCADE", {
      description: "Event workspace member",
      icon: "IconCircleUser",
    }),
    manyToOne("person", "Person", "person", "timelineActivities", "CASCADE", { description: "Event person", icon: "IconUser" }),
    manyToOne("company", "Company", "company", "timelineActivities", "CASCADE", { description: "Event company", icon: "IconBuildingSkyscraper" }),
    manyToOne("opportunity", "Opportunity", "opportunity", "timelineActivities", "SET_NULL", { description: "Event opportunity", icon: "IconTargetArrow" }),
    manyToOne("note", "Note", "note", "timelineActivities", "SET_NULL", { description: "Event note", icon: "IconTargetArrow" }),
    manyToOne("task", "Task", "task", "timelineActivities", "SET_NULL", { description: "Event task", icon: "IconTargetArrow" }),
    manyToOne("workflow", "Workflow", "workflow", "timelineActivities", "CASCADE", { description: "Event workflow", icon: "IconTargetArrow" }),
    manyToOne("workflowVersion", "Workflow Version", "workflowVersion", "timelineActivities", "CASCADE", {
      description: "Event workflow version",
      icon: "IconTargetArrow",
    }),
    manyToOne("workflowRun", "Workflow Run", "workflowRun", "timelineActivities", "CASCADE", { description: "Event workflow run", icon: "IconTargetArrow" }),
    manyToOne("dashboard", "Dashboard", "dashboard", "timelineActivities", "SET_NULL", { description: "Event dashboard", icon: "IconTargetArrow" }),
  ],
};

import { createdByField, updatedByField, manyToOne, oneToMany, positionField, searchVectorField, textField } from "./common-fields.ts";
import { selectOptions, type StandardObjectDefinition } from "./define.ts";

export const task: StandardObjectDefinition = {
  nameSingular: "task",
  namePlural: "tasks",
  labelSingular: "Task",
  labelPlural: "Tasks",
  description: "A task",
  icon: "IconCheckbox",
  shortcut: "T",
  isSearchable: true,
  labelIdentifier: "title",
  searchFields: ["title", "bodyV2"],
  fields: [
    positionField("Task record position"),
    textField("title", "Title", { description: "Task title", icon: "IconNotes" }),
    { name: "bodyV2", type: "RICH_TEXT", label: "Body", description: "Task body", icon: "IconFilePencil", isNullable: true },
    { name: "dueAt", type: "DATE_TIME", label: "Due Date", description: "Task due date", icon: "IconCalendarEvent", isNullable: true },
    {
      name: "status",
      type: "SELECT",
      label: "Status",
      description: "Task status",
      icon: "IconCheck",
      isNullable: true,
      defaultValue: "'TODO'",
      options: selectOptions([
        ["TODO", "To do", "sky"],
        ["IN_PROGRESS", "In progress", "purple"],
        ["DONE", "Done", "green"],
      ]),
    },
    createdByField(),
    updatedByField(),
    oneToMany("taskTargets", "Relations", "taskTarget", "task", { description: "Task targets", icon: "IconArrowUpRight", isNullable: true, isSystem: true }),
    oneToMany("attachments", "Attachments", "attachment", "task", { description: "Task attachments", icon: "IconFileImport", isNullable: true, isSystem: true }),
    manyToOne("assignee", "Assignee", "workspaceMember", "assignedTasks", "SET_NULL", { description: "Task assignee", icon: "IconUserCircle" }),
    oneToMany("timelineActivities", "Timeline Activities", "timelineActivity", "task", {
      description: "Timeline Activities linked to the task.",
      icon: "IconTimelineEvent",
      isNullable: true,
      isSystem: true,
    }),
    oneToMany("favorites", "Favorites", "favorite", "task", { description: "Favorites linked to the task", icon: "IconHeart", isSystem: true }),
    searchVectorField(),
  ],
};

import { manyToOne } from "./common-fields.ts";
import type { StandardObjectDefinition } from "./define.ts";

/** Links a task to the records it is about; custom objects add one CASCADE m2o each when they are created. */
export const taskTarget: StandardObjectDefinition = {
  nameSingular: "taskTarget",
  namePlural: "taskTargets",
  labelSingular: "Task Target",
  labelPlural: "Task Targets",
  description: "A task target",
  icon: "IconCheckbox",
  isSystem: true,
  fields: [
    manyToOne("task", "Task", "task", "taskTargets", "SET_NULL", { description: "TaskTarget task", icon: "IconCheckbox" }),
    manyToOne("person", "Person", "person", "taskTargets", "CASCADE", { description: "TaskTarget person", icon: "IconUser" }),
    manyToOne("company", "Company", "company", "taskTargets", "CASCADE", { description: "TaskTarget company", icon: "IconBuildingSkyscraper" }),
    manyToOne("opportunity", "Opportunity", "opportunity", "taskTargets", "CASCADE", { description: "TaskTarget opportunity", icon: "IconTargetArrow" }),
  ],
};

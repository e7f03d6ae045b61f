import { manyToOne, oneToMany, textField } from "./common-fields.ts";
import type { StandardFieldDefinition, StandardObjectDefinition } from "./define.ts";

function numberPosition(description: string): StandardFieldDefinition {
  return { name: "position", type: "NUMBER", label: "Position", description, icon: "IconList", isSystem: true, defaultValue: 0 };
}

/** A record or view pinned by a workspace member; custom objects add one CASCADE m2o each when they are created. */
export const favorite: StandardObjectDefinition = {
  nameSingular: "favorite",
  namePlural: "favorites",
  labelSingular: "Favorite",
  labelPlural: "Favorites",
  description: "A favorite that can be accessed from the left menu",
  icon: "IconHeart",
  isSystem: true,
  fields: [
    numberPosition("Favorite position"),
    manyToOne("forWorkspaceMember", "Workspace Member", "workspaceMember", "favorites", "CASCADE", {
      description: "Favorite workspace member",
      icon: "IconCircleUser",
    }),
    manyToOne("person", "Person", "person", "favorites", "CASCADE", { description: "Favorite person", icon: "IconUser" }),
    manyToOne("company", "Company", "company", "favorites", "CASCADE", { description: "Favorite company", icon: "IconBuildingSkyscraper" }),
    manyToOne("opportunity", "Opportunity", "opportunity", "favorites", "CASCADE", { description: "Favorite opportunity", icon: "IconTargetArrow" }),
    manyToOne("workflow", "Workflow", "workflow", "favorites", "CASCADE", { description: "Favorite workflow", icon: "IconSettingsAutomation" }),
    manyToOne("workflowVersion", "Workflow Version", "workflowVersion", "favorites", "CASCADE", {
      description: "Favorite workflow version",
      icon: "IconVersions",
    }),
    manyToOne("workflowRun", "Workflow Run", "workflowRun", "favorites", "CASCADE", { description: "Favorite workflow run", icon: "IconHistoryToggle" }),
    manyToOne("task", "Task", "task", "favorites", "CASCADE", { description: "Favorite task", icon: "IconCheckbox" }),
    manyToOne("note", "Note", "note", "favorites", "CASCADE", { description: "Favorite note", icon: "IconNotes" }),
    manyToOne("dashboard", "Dashboard", "dashboard", "favorites", "CASCADE", { description: "Favorite dashboard", icon: "IconLayoutDashboard" }),
    manyToOne("favoriteFolder", "Favorite Folder", "favoriteFolder", "favorites", "SET_NULL", {
      description: "The folder this favorite belongs to",
      icon: "IconFolder",
    }),
    { name: "viewId", type: "UUID", label: "View", description: "Favorite view", icon: "IconView", isNullable: true },
  ],
};

export const favoriteFolder: StandardObjectDefinition = {
  nameSingular: "favoriteFolder",
  namePlural: "favoriteFolders",
  labelSingular: "Favorite Folder",
  labelPlural: "Favorite Folders",
  description: "A Folder of favorites",
  icon: "IconFolder",
  isSystem: true,
  labelIdentifier: "name",
  fields: [
    numberPosition("Favorite folder position"),
    textField("name", "Name", { description: "Name of the favorite folder", icon: "IconText" }),
    oneToMany("favorites", "Favorites", "favorite", "favoriteFolder", { description: "Favorites in this folder", icon: "IconHeart" }),
  ],
};

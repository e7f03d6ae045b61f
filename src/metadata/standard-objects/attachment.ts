import { createdByField, updatedByField, manyToOne, textField } from "./common-fields.ts";
import { selectOptions, type StandardObjectDefinition } from "./define.ts";

/** A file attached to a record; custom objects add one CASCADE m2o each when they are created. */
export const attachment: StandardObjectDefinition = {
  nameSingular: "attachment",
  namePlural: "attachments",
  labelSingular: "Attachment",
  labelPlural: "Attachments",
  description: "An attachment",
  icon: "IconFileImport",
  isSystem: true,
  labelIdentifier: "name",
  fields: [
    textField("name", "Name", { description: "Attachment name", icon: "IconFileUpload" }),
    textField("fullPath", "Full path", { description: "Attachment full path", icon: "IconLink" }),
    textField("type", "Type", { description: "Attachment type", icon: "IconList" }),
    {
      name: "fileCategory",
      type: "SELECT",
      label: "File category",
      description: "Attachment file category",
      icon: "IconList",
      defaultValue: "'OTHER'",
      options: selectOptions([
        ["ARCHIVE", "Archive", "gray"],
        ["AUDIO", "Audio", "pink"],
        ["IMAGE", "Image", "yellow"],
        ["PRESENTATION", "Presentation", "orange"],
        ["SPREADSHEET", "Spreadsheet", "turquoise"],
        ["TEXT_DOCUMENT", "Text Document", "blue"],
        ["VIDEO", "Video", "purple"],
        ["OTHER", "Other", "gray"],
      ]),
    },
    createdByField(),
    updatedByField(),
    manyToOne("author", "Author", "workspaceMember", "authoredAttachments", "SET_NULL", { description: "Attachment author", icon: "IconCircleUser" }),
    manyToOne("task", "Task", "task", "attachments", "SET_NULL", { description: "Attachment task", icon: "IconNotes" }),
    manyToOne("note", "Note", "note", "attachments", "SET_NULL", { description: "Attachment note", icon: "IconNotes" }),
    manyToOne("person", "Person", "person", "attachments", "CASCADE", { description: "Attachment person", icon: "IconUser" }),
    manyToOne("company", "Company", "company", "attachments", "CASCADE", { description: "Attachment company", icon: "IconBuildingSkyscraper" }),
    manyToOne("opportunity", "Opportunity", "opportunity", "attachments", "CASCADE", { description: "Attachment opportunity", icon: "IconTargetArrow" }),
    manyToOne("dashboard", "Dashboard", "dashboard", "attachments", "CASCADE", { description: "Attachment dashboard", icon: "IconLayoutDashboard" }),
    manyToOne("workflow", "Workflow", "workflow", "attachments", "CASCADE", { description: "Attachment workflow", icon: "IconSettingsAutomation" }),
  ],
};

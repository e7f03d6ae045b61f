import { manyToOne, textField } from "./common-fields.ts";
import type { StandardObjectDefinition } from "./define.ts";

export const blocklist: StandardObjectDefinition = {
  nameSingular: "blocklist",
  namePlural: "blocklists",
  labelSingular: "Blocklist",
  labelPlural: "Blocklists",
  description: "Blocklist",
  icon: "IconForbid2",
  isSystem: true,
  isAuditLogged: false,
  labelIdentifier: "handle",
  fields: [
    textField("handle", "Handle", { description: "Handle", icon: "IconAt" }),
    manyToOne("workspaceMember", "WorkspaceMember", "workspaceMember", "blocklist", "SET_NULL", { description: "WorkspaceMember", icon: "IconCircleUser" }),
  ],
};

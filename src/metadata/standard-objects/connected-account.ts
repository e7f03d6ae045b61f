import { manyToOne, oneToMany, textField } from "./common-fields.ts";
import type { StandardObjectDefinition } from "./define.ts";

export const connectedAccount: StandardObjectDefinition = {
  nameSingular: "connectedAccount",
  namePlural: "connectedAccounts",
  labelSingular: "Connected Account",
  labelPlural: "Connected Accounts",
  description: "A connected account",
  icon: "IconAt",
  isSystem: true,
  isAuditLogged: false,
  labelIdentifier: "handle",
  fields: [
    textField("handle", "Handle", { description: "The account handle (email, username, phone number, etc.)", icon: "IconMail" }),
    textField("provider", "Provider", { description: "The account provider", icon: "IconSettings" }),
    textField("accessToken", "Access Token", { description: "Messaging provider access token", icon: "IconKey" }),
    textField("refreshToken", "Refresh Token", { description: "Messaging provider refresh token", icon: "IconKey" }),
    {
      name: "lastCredentialsRefreshedAt",
      type: "DATE_TIME",
      label: "Last credentials refreshed at",
      description: "Last credentials refreshed at",
      icon: "IconHistory",
      isNullable: true,
    },
    { name: "authFailedAt", type: "DATE_TIME", label: "Auth failed at", description: "Auth failed at", icon: "IconX", isNullable: true },
    textField("lastSyncHistoryId", "Last sync history ID", { description: "Last sync history ID", icon: "IconHistory" }),
    textField("handleAliases", "Handle Aliases", { description: "Handle Aliases", icon: "IconMail" }),
    { name: "scopes", type: "ARRAY", label: "Scopes", description: "Scopes", icon: "IconSettings", isNullable: true },
    {
      name: "connectionParameters",
      type: "RAW_JSON",
      label: "Custom Connection Parameters",
      description: "JSON object containing custom connection parameters",
      icon: "IconSettings",
      isNullable: true,
    },
    manyToOne("accountOwner", "Account Owner", "workspaceMember", "connectedAccounts", "CASCADE", { description: "Account Owner", icon: "IconUserCircle" }),
    oneToMany("messageChannels", "Message Channels", "messageChannel", "connectedAccount", { description: "Message Channels", icon: "IconMessage" }),
    oneToMany("calendarChannels", "Calendar Channels", "calendarChannel", "connectedAccount", { description: "Calendar Channels", icon: "IconCalendar" }),
  ],
};

import { attachment } from "./attachment.ts";
import { blocklist } from "./blocklist.ts";
import { calendarChannel, calendarChannelEventAssociation, calendarEvent, calendarEventParticipant } from "./calendar.ts";
import { company } from "./company.ts";
import { connectedAccount } from "./connected-account.ts";
import { dashboard } from "./dashboard.ts";
import type { StandardObjectDefinition } from "./define.ts";
import { favorite, favoriteFolder } from "./favorite.ts";
import {
  message,
  messageChannel,
  messageChannelMessageAssociation,
  messageFolder,
  messageParticipant,
  messageThread,
} from "./message.ts";
import { note } from "./note.ts";
import { noteTarget } from "./note-target.ts";
import { opportunity } from "./opportunity.ts";
import { person } from "./person.ts";
import { task } from "./task.ts";
import { taskTarget } from "./task-target.ts";
import { timelineActivity } from "./timeline-activity.ts";
import { workflow, workflowAutomatedTrigger, workflowRun, workflowVersion } from "./workflow.ts";
import { workspaceMember } from "./workspace-member.ts";

/** The 29 objects every workspace is created with (§4 of the spec). */
export const standardObjects: StandardObjectDefinition[] = [
  workspaceMember,
  company,
  person,
  opportunity,
  note,
  noteTarget,
  task,
  taskTarget,
  attachment,
  timelineActivity,
  favorite,
  favoriteFolder,
  dashboard,
  workflow,
  workflowVersion,
  workflowRun,
  workflowAutomatedTrigger,
  connectedAccount,
  blocklist,
  messageThread,
  message,
  messageChannel,
  messageParticipant,
  messageFolder,
  messageChannelMessageAssociation,
  calendarChannel,
  calendarEvent,
  calendarEventParticipant,
  calendarChannelEventAssociation,
];

import { index, text, uuid } from "drizzle-orm/pg-core";
import { core, createdAt, id } from "./core.ts";
import { workspaces } from "./workspaces.ts";

/** Where development and tests deliver email instead of a provider, so reset and invitation links can be read. */
export const emailOutbox = core.table(
  "emailOutbox",
  {
    id: id(),
    workspaceId: uuid("workspaceId").references(() => workspaces.id, { onDelete: "cascade" }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    /** What the email is for (`password-reset`, `invitation`, ...), so tests can find theirs. */
    template: text("template").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("emailOutbox_to_idx").on(t.to)],
);

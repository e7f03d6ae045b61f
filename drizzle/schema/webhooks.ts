import { index, text, uuid } from "drizzle-orm/pg-core";
import { core, createdAt, id, timestampTz, updatedAt } from "./core.ts";
import { workspaces } from "./workspaces.ts";

export const webhooks = core.table(
  "webhook",
  {
    id: id(),
    workspaceId: uuid("workspaceId")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    targetUrl: text("targetUrl").notNull(),
    /** Event patterns such as `company.created`, `*.updated`, `*.*`. */
    operations: text("operations").array().notNull().default(["*.*"]),
    description: text("description"),
    secret: text("secret").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestampTz("deletedAt"),
    /** Set by delivery when the target keeps failing (no event is sent while set), with why, in words. */
    pausedAt: timestampTz("pausedAt"),
    pauseReason: text("pauseReason"),
  },
  (t) => [index("webhook_workspace_idx").on(t.workspaceId)],
);

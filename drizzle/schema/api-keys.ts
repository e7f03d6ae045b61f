import { index, text, uuid } from "drizzle-orm/pg-core";
import { core, createdAt, id, timestampTz, updatedAt } from "./core.ts";
import { workspaces } from "./workspaces.ts";

/** The token itself is never stored: its `jti` names the row, and revoking the row kills the token. */
export const apiKeys = core.table(
  "apiKey",
  {
    id: id(),
    workspaceId: uuid("workspaceId")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    expiresAt: timestampTz("expiresAt").notNull(),
    revokedAt: timestampTz("revokedAt"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("apiKey_workspace_idx").on(t.workspaceId)],
);

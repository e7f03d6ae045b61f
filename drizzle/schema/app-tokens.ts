import { index, jsonb, text, uuid } from "drizzle-orm/pg-core";
import { core, createdAt, id, timestampTz, updatedAt } from "./core.ts";
import { users } from "./users.ts";
import { workspaces } from "./workspaces.ts";

export const appTokenTypes = [
  "REFRESH_TOKEN",
  "PASSWORD_RESET_TOKEN",
  "INVITATION_TOKEN",
  "EMAIL_VERIFICATION_TOKEN",
] as const;

/** Server-side half of refresh, reset and invitation tokens: revocable and expiring. */
export const appTokens = core.table(
  "appToken",
  {
    id: id(),
    type: text("type", { enum: appTokenTypes }).notNull(),
    userId: uuid("userId").references(() => users.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspaceId").references(() => workspaces.id, { onDelete: "cascade" }),
    /** SHA-256 of the secret handed out, for tokens that are not JWTs (reset, invitation). */
    valueHash: text("valueHash"),
    context: jsonb("context").$type<Record<string, unknown>>(),
    expiresAt: timestampTz("expiresAt").notNull(),
    revokedAt: timestampTz("revokedAt"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestampTz("deletedAt"),
  },
  (t) => [index("appToken_user_idx").on(t.userId), index("appToken_valueHash_idx").on(t.valueHash), index("appToken_expiresAt_idx").on(t.expiresAt)],
);

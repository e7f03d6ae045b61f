import { sql } from "drizzle-orm";
import { boolean, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { core, createdAt, id, timestampTz, updatedAt } from "./core.ts";
import { workspaces } from "./workspaces.ts";

export const users = core.table(
  "user",
  {
    id: id(),
    /** Stored lower-cased; unique among users not deleted. */
    email: text("email").notNull(),
    firstName: text("firstName").notNull().default(""),
    lastName: text("lastName").notNull().default(""),
    /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`; null for users who never set one. */
    passwordHash: text("passwordHash"),
    defaultWorkspaceId: uuid("defaultWorkspaceId").references(() => workspaces.id, { onDelete: "set null" }),
    isEmailVerified: boolean("isEmailVerified").notNull().default(false),
    canImpersonate: boolean("canImpersonate").notNull().default(false),
    canAccessFullAdminPanel: boolean("canAccessFullAdminPanel").notNull().default(false),
    locale: text("locale").notNull().default("en"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestampTz("deletedAt"),
  },
  (t) => [uniqueIndex("user_email_key").on(t.email).where(sql`"deletedAt" IS NULL`)],
);

export const userWorkspaces = core.table(
  "userWorkspace",
  {
    id: id(),
    userId: uuid("userId")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspaceId")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    locale: text("locale").notNull().default("en"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestampTz("deletedAt"),
  },
  (t) => [uniqueIndex("userWorkspace_user_workspace_key").on(t.userId, t.workspaceId)],
);

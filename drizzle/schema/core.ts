import { pgSchema, timestamp, uuid } from "drizzle-orm/pg-core";

/** System tables live in `core`, apart from the per-workspace record schemas (`workspace_<base36 id>`). */
export const core = pgSchema("core");

export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () => timestamp("createdAt", { withTimezone: true, mode: "date" }).notNull().defaultNow();
export const updatedAt = () => timestamp("updatedAt", { withTimezone: true, mode: "date" }).notNull().defaultNow();
export const timestampTz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

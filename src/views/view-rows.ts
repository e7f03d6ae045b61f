import { getTableColumns } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { AppError } from "../errors/app-error.ts";
import type { ViewEntity } from "./view-entities.ts";
import { isUuid } from "../ids/uuid.ts";

/** A row of any view table, as Drizzle returns it (dates as `Date`). */
export type ViewRow = Record<string, unknown> & { id: string; workspaceId: string; viewId?: string; objectMetadataId?: string };

export function columnOf(entity: ViewEntity, name: string): PgColumn {
  const column = (getTableColumns(entity.table) as Record<string, PgColumn>)[name];
  if (!column) throw new Error(`${entity.kind} has no column ${name}`);
  return column;
}

export const hasColumn = (entity: ViewEntity, name: string) => name in getTableColumns(entity.table);

/** Twenty types some ids `String`: a value that is no UUID is the caller's mistake, not a database error. */
export function assertUuid(value: unknown, name: string): string {
  if (!isUuid(value)) throw new AppError(400, "INVALID_UUID", `Invalid UUID ${JSON.stringify(value)} for "${name}"`);
  return value;
}

/** Keeps the columns a write may set; `undefined` means "not given". */
export function writableValues(entity: ViewEntity, input: Record<string, unknown>, keep: readonly string[] = []): Record<string, unknown> {
  const columns = getTableColumns(entity.table) as Record<string, PgColumn>;
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || !(key in columns)) continue;
    if (entity.fixed.includes(key) && !keep.includes(key)) continue;
    if (value === null && columns[key]!.notNull) throw new AppError(400, "INVALID_INPUT", `"${key}" cannot be null`);
    values[key] = value;
  }
  return values;
}

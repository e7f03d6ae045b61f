import type { Db } from "../db/database.ts";
import { rowsOf } from "../db/rows.ts";
import { AppError } from "../errors/app-error.ts";
import type { WorkspaceMetadata } from "../metadata/workspace-metadata.ts";
import type { RecordAccess } from "../query/access.ts";
import { decodeSearchCursor } from "./search-cursor.ts";
import type { SearchRecordFilter } from "./search-filter.ts";
import { searchConnection, type SearchConnection } from "./search-result.ts";
import { searchSql, type SearchRow } from "./search-sql.ts";
import { formatSearchTerms } from "./search-terms.ts";
import { searchableObjects } from "./searchable-objects.ts";

export const maxSearchLimit = 100;

export interface SearchArgs {
  searchInput: string;
  limit: number;
  after?: string | null;
  includedObjectNameSingulars?: string[] | null;
  excludedObjectNameSingulars?: string[] | null;
  filter?: SearchRecordFilter | null;
}

/**
 * Twenty's global search over every object the caller may read, answered by one SQL statement. Input is
 * checked before anything runs, so a bad limit or cursor costs no database round trip.
 */
export async function searchRecords(db: Db, metadata: WorkspaceMetadata, access: RecordAccess, args: SearchArgs): Promise<SearchConnection> {
  if (args.limit > maxSearchLimit) throw new AppError(400, "LIMIT_EXCEEDED", `Limit cannot exceed ${maxSearchLimit} items`);
  if (!Number.isInteger(args.limit) || args.limit < 0) throw new AppError(400, "INVALID_LIMIT", "Limit must be a non-negative integer");
  const after = args.after ? decodeSearchCursor(args.after) : undefined;
  const objects = searchableObjects(metadata, access, { included: args.includedObjectNameSingulars, excluded: args.excludedObjectNameSingulars });
  if (objects.length === 0) return searchConnection([], args.limit);

  const statement = searchSql({
    schema: metadata.schemaName,
    objects,
    access,
    terms: formatSearchTerms(args.searchInput),
    filter: args.filter,
    ...(after ? { after } : {}),
    limit: args.limit,
  });
  const [row] = rowsOf<{ result: string }>(await db.execute(statement));
  return searchConnection(JSON.parse(row!.result) as SearchRow[], args.limit);
}

import { companyLogoUrl } from "./company-logo.ts";
import { encodeSearchCursor } from "./search-cursor.ts";
import type { SearchRow } from "./search-sql.ts";

export interface SearchRecord {
  recordId: string;
  objectNameSingular: string;
  label: string;
  imageUrl: string;
  tsRankCD: number;
  tsRank: number;
}

export interface SearchConnection {
  edges: Array<{ node: SearchRecord; cursor: string }>;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/**
 * The statement's `limit + 1` merged rows as a page: the extra row only says that a next page exists. Every
 * edge's cursor resumes right after its record, so a client may also continue from the middle of a page.
 * Avatars are answered as stored (absolute URLs pass as they are; signing file paths belongs to file serving).
 */
export function searchConnection(rows: SearchRow[], limit: number): SearchConnection {
  const edges = rows.slice(0, limit).map((row) => ({
    node: {
      recordId: row.recordId,
      objectNameSingular: row.objectNameSingular,
      label: row.label,
      imageUrl: companyLogoUrl(row.domain) ?? row.image ?? "",
      tsRankCD: row.tsRankCD,
      tsRank: row.tsRank,
    },
    cursor: encodeSearchCursor(row),
  }));
  return { edges, pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: rows.length > limit } };
}

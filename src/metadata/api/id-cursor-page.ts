import { AppError } from "../../errors/app-error.ts";
import { isUuid } from "../../ids/uuid.ts";

export interface IdCursorQuery {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
}

/**
 * Twenty 2.21's REST metadata lists: cursors are the ids of the first and last item returned, a page holds
 * up to 1000 items (the default too), and `totalCount` counts the whole list. A cursor naming no item
 * gives an empty page.
 */
export function idCursorPage<T extends { id: string }>(items: T[], query: IdCursorQuery) {
  const after = query.starting_after;
  const before = query.ending_before;
  if (after !== undefined && before !== undefined) throw new AppError(400, "INVALID_PAGING", "'starting_after' and 'ending_before' cannot be used together.");
  const cursor = after ?? before;
  if (cursor !== undefined && !isUuid(cursor)) throw new AppError(400, "INVALID_CURSOR", `Invalid cursor: ${cursor}`);
  const limit = query.limit ?? 1000;
  const at = cursor === undefined ? undefined : items.findIndex((item) => item.id.toLowerCase() === cursor.toLowerCase());
  let start = 0;
  let end = items.length;
  if (at === -1) end = 0;
  else if (before !== undefined) {
    end = at!;
    start = Math.max(0, end - limit);
  } else {
    start = at === undefined ? 0 : at + 1;
    end = Math.min(items.length, start + limit);
  }
  const nodes = items.slice(start, end);
  return {
    nodes,
    pageInfo: {
      hasNextPage: at !== -1 && end < items.length,
      hasPreviousPage: at !== -1 && start > 0,
      startCursor: nodes[0]?.id ?? null,
      endCursor: nodes.at(-1)?.id ?? null,
    },
    totalCount: items.length,
  };
}

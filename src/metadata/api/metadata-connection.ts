import { AppError } from "../../errors/app-error.ts";

export interface CursorPaging {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: Array<{ node: T; cursor: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const encode = (index: number) => btoa(`arrayconnection:${index}`);

function decode(cursor: string): number {
  let text = "";
  try {
    text = atob(cursor);
  } catch {
    // falls through to the error below
  }
  const match = /^arrayconnection:(\d+)$/.exec(text);
  if (!match) throw new AppError(400, "INVALID_CURSOR", `Invalid cursor: ${cursor}`);
  return Number(match[1]);
}

/**
 * nestjs-query's offset connections over an already ordered list: cursors are opaque positions, at most
 * 1000 per page, 10 by default.
 */
export function toConnection<T>(items: T[], paging: CursorPaging | null | undefined): Connection<T> {
  const first = paging?.first ?? undefined;
  const last = paging?.last ?? undefined;
  if (first !== undefined && last !== undefined) throw new AppError(400, "INVALID_PAGING", "Cannot provide both first and last");
  for (const size of [first, last]) {
    if (size !== undefined && (size < 0 || size > 1000)) throw new AppError(400, "INVALID_PAGING", "Page size must be between 0 and 1000");
  }
  let start = paging?.after ? decode(paging.after) + 1 : 0;
  let end = paging?.before ? decode(paging.before) : items.length;
  if (last !== undefined) start = Math.max(start, end - last);
  else end = Math.min(end, start + (first ?? 10));
  const slice = items.slice(start, end);
  return {
    edges: slice.map((node, i) => ({ node, cursor: encode(start + i) })),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length ? encode(start) : null,
      endCursor: slice.length ? encode(end - 1) : null,
    },
  };
}

import { AppError } from "../../errors/app-error.ts";
import type { PageRequest } from "../ast.ts";
import { defaultPageSize, maxPageSize } from "../connection.ts";
import { decodeCursor } from "./cursor.ts";
import type { PlannedOrder } from "./plan-order.ts";

export interface PlannedPage {
  limit: number;
  /** `last`/`before`: rows are read in the inverted order and given back in the requested one. */
  backward: boolean;
  cursor?: Array<string | null>;
  offset?: number;
}

const argsError = (message: string) => new AppError(400, "INVALID_PAGINATION", message);

/** first/last/after/before/offset checked as Twenty checks them; page sizes above 200 are clamped. */
export function planPage(page: PageRequest, orders: PlannedOrder[]): PlannedPage {
  if (page.first != null && page.last != null) throw argsError("Cannot provide both first and last");
  if (page.before != null && page.after != null) throw argsError("Cannot provide both before and after");
  if (page.before != null && page.first != null) throw argsError("Cannot provide both before and first");
  if (page.after != null && page.last != null) throw argsError("Cannot provide both after and last");
  if (page.first != null && page.first < 0) throw argsError("First argument must be non-negative");
  if (page.last != null && page.last < 0) throw argsError("Last argument must be non-negative");
  if (page.offset != null && page.offset < 0) throw argsError("Offset argument must be non-negative");
  const backward = page.last != null || page.before != null;
  const planned: PlannedPage = { limit: Math.min(page.last ?? page.first ?? defaultPageSize, maxPageSize), backward };
  const cursorText = backward ? page.before : page.after;
  if (cursorText != null) planned.cursor = decodeCursor(cursorText, orders);
  if (page.offset) planned.offset = page.offset;
  return planned;
}

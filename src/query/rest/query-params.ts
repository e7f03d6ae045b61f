import { AppError } from "../../errors/app-error.ts";
import type { FilterNode, OrderItem, PageRequest } from "../ast.ts";
import { isBracketFilterKey, parseBracketFilters } from "./bracket-filter.ts";
import { parseRestFilter } from "./filter-grammar.ts";
import { isBracketOrderKey, parseBracketOrder, parseOrderBy } from "./order-grammar.ts";

export const defaultLimit = 60;
export const maxLimit = 200;

export type Depth = 0 | 1 | 2;

/** Every query parameter of a request, in order, repeated ones included. */
export type QueryParams = Array<[string, string]>;

export function queryParamsOf(url: string): QueryParams {
  return [...new URL(url).searchParams.entries()];
}

/**
 * Refuses what a route does not read (Twenty ignores unknown parameters, so `after` for `starting_after`
 * silently loops on page 1): a 400 naming the parameter and what is allowed.
 */
export function assertKnownParams(params: QueryParams, allowed: readonly string[], options: { bracketOrder?: boolean } = {}): void {
  const bracketFilters = allowed.includes("filter");
  const bracketOrder = options.bracketOrder ?? allowed.includes("order_by");
  for (const [name] of params) {
    if (allowed.includes(name)) continue;
    if (bracketFilters && isBracketFilterKey(name)) continue;
    if (bracketOrder && isBracketOrderKey(name)) continue;
    const extra = [...(bracketFilters ? ["filter[field][op]"] : []), ...(bracketOrder ? ["order[field]"] : [])];
    throw new AppError(400, "UNKNOWN_QUERY_PARAMETER", `Unknown query parameter "${name}". Allowed parameters: ${[...allowed, ...extra].join(", ")}`);
  }
}

const last = (params: QueryParams, ...names: string[]) => {
  let found: string | undefined;
  for (const [name, value] of params) if (names.includes(name)) found = value;
  return found;
};

/** `filter=` (Twenty's grammar) and `filter[field][op]=` (the seeds'), ANDed when both are given. */
export function parseFilterParams(params: QueryParams): FilterNode | undefined {
  const text = last(params, "filter");
  const parts = [text !== undefined && text.trim() !== "" ? parseRestFilter(text) : undefined, parseBracketFilters(params)].filter(
    (part): part is FilterNode => part !== undefined,
  );
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { kind: "and", children: parts };
}

export function parseOrderParams(params: QueryParams): OrderItem[] {
  const text = last(params, "order_by", "orderBy");
  return [...(text ? parseOrderBy(text) : []), ...parseBracketOrder(params)];
}

export function parseDepth(params: QueryParams, fallback: Depth = 1): Depth {
  const raw = last(params, "depth");
  if (raw === undefined) return fallback;
  if (raw === "0" || raw === "1" || raw === "2") return Number(raw) as Depth;
  throw new AppError(400, "INVALID_DEPTH", `'depth=${raw}' parameter invalid. Allowed values are 0, 1, 2`);
}

function integer(raw: string, name: string): number {
  if (!/^\d+$/.test(raw)) throw new AppError(400, `INVALID_${name.toUpperCase()}`, `${name} '${raw}' is invalid. Should be an integer`);
  return Number(raw);
}

/**
 * limit (default 60, larger values clamped to 200), cursors (`starting_after`/`after`,
 * `ending_before`/`before`) and `offset`; conflicting combinations are refused.
 */
export function parsePage(params: QueryParams): PageRequest {
  const rawLimit = last(params, "limit");
  const limit = Math.min(rawLimit === undefined ? defaultLimit : integer(rawLimit, "limit"), maxLimit);
  const after = pick(params, "starting_after", "after");
  const before = pick(params, "ending_before", "before");
  const rawOffset = last(params, "offset");
  if (after !== undefined && before !== undefined) throw new AppError(400, "ARGS_CONFLICT", "Cannot provide both before and after");
  if (rawOffset !== undefined && (after !== undefined || before !== undefined)) {
    throw new AppError(400, "ARGS_CONFLICT", "Cannot provide both offset and a cursor");
  }
  if (before !== undefined) return { last: limit, before };
  return { first: limit, ...(after !== undefined ? { after } : {}), ...(rawOffset !== undefined ? { offset: integer(rawOffset, "offset") } : {}) };
}

/** Twenty's name and our alias for one cursor; both given with different values is ambiguous. */
function pick(params: QueryParams, name: string, alias: string): string | undefined {
  const a = last(params, name);
  const b = last(params, alias);
  if (a !== undefined && b !== undefined && a !== b) throw new AppError(400, "ARGS_CONFLICT", `Cannot provide both ${name} and ${alias}`);
  return a ?? b;
}

export function flag(params: QueryParams, name: string): boolean {
  const raw = last(params, name);
  if (raw === undefined) return false;
  if (raw === "true" || raw === "false") return raw === "true";
  throw new AppError(400, "INVALID_QUERY_PARAMETER", `'${name}' must be true or false, not '${raw}'`);
}

export function param(params: QueryParams, name: string): string | undefined {
  return last(params, name);
}

import { AppError } from "../../errors/app-error.ts";
import { groupBy } from "../../query/operations/group-by.ts";
import { parseOrderBy } from "../../query/rest/order-grammar.ts";
import { assertKnownParams, flag, param, parseFilterParams } from "../../query/rest/query-params.ts";
import type { Runner } from "../../query/operations/caller-gate.ts";
import type { RestCall } from "../rest-context.ts";

const parameters = ["group_by", "aggregate", "filter", "order_by", "order_by_for_records", "include_records_sample", "limit"];

function jsonParam(raw: string | undefined, message: string): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError(400, "INVALID_GROUP_BY", message);
  }
}

/** GET /rest/<plural>/groupBy → a bare array of groups (Twenty's shape, no `data` wrapper). */
export async function groupRecords(call: RestCall, reads: Runner): Promise<Response> {
  const { c, params } = call;
  // order_by is JSON here (groups, aggregates), so the order[field] form does not apply.
  assertKnownParams(params, parameters, { bracketOrder: false });
  const groupByParam = jsonParam(
    param(params, "group_by"),
    `Invalid group_by query parameter - should be a valid array of objects - ex: [{"stage":true},{"closeDate":{"granularity":"DAY"}}]`,
  );
  const aggregates = jsonParam(param(params, "aggregate"), `Invalid aggregate query parameter - should be a valid array of string - ex: ["countNotEmptyId","totalCount"]`) ?? [];
  if (!Array.isArray(aggregates) || !aggregates.every((a) => typeof a === "string")) {
    throw new AppError(400, "INVALID_GROUP_BY", `Invalid aggregate query parameter - should be a valid array of string - ex: ["countNotEmptyId","totalCount"]`);
  }
  const orderBy = jsonParam(param(params, "order_by"), `Invalid order_by query parameter - should be a valid array of objects - ex: [{"stage":"AscNullsFirst"}]`);
  const rawLimit = param(params, "limit");
  if (rawLimit !== undefined && !/^\d+$/.test(rawLimit)) throw new AppError(400, "INVALID_LIMIT", `limit '${rawLimit}' is invalid. Should be an integer`);
  const groups = await groupBy(reads, call.metadata, call.access, {
    object: call.object,
    groupBy: groupByParam,
    aggregates: aggregates as string[],
    orderBy,
    filter: parseFilterParams(params),
    source: "text",
    limit: Math.min(rawLimit === undefined ? 50 : Number(rawLimit), 200),
    ...(flag(params, "include_records_sample") ? { recordsSample: { orderBy: parseOrderBy(param(params, "order_by_for_records") ?? "") } } : {}),
  });
  return c.json(groups, 200);
}

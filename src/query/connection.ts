import type { ObjectMetadata } from "../metadata/types.ts";
import type { AggregateDefinition } from "./plan/aggregates.ts";
import type { FilterPlan } from "./plan/plan-filter.ts";
import type { PlannedOrder } from "./plan/plan-order.ts";
import type { Selection } from "./selection.ts";

/** Rows a connection returns when neither `first` nor `last` is given, and at most (spec README). */
export const defaultPageSize = 60;
export const maxPageSize = 200;

export type EdgeItem = { kind: "node"; key: string; selection: Selection } | { kind: "cursor"; key: string } | { kind: "typename"; key: string; value: string };

export const pageInfoFields = ["startCursor", "endCursor", "hasNextPage", "hasPreviousPage"] as const;
export type PageInfoItem = { key: string; field: (typeof pageInfoFields)[number] } | { key: string; typename: string };

/**
 * What a connection's JSON holds, keyed by the caller's response keys (GraphQL aliases included), so the same
 * field asked twice with different arguments gets two values. A `pageInfo` without items holds all four
 * fields, in Twenty's REST order.
 */
export type ConnectionOutput =
  | { kind: "edges"; key: string; items: EdgeItem[] }
  | { kind: "pageInfo"; key: string; items?: PageInfoItem[] }
  | { kind: "typename"; key: string; value: string }
  | { kind: "aggregate"; key: string; aggregate: AggregateDefinition };

/** A planned page of records (root or nested under a parent record) with the outputs to build for it. */
export interface ConnectionPlan {
  object: ObjectMetadata;
  filter?: FilterPlan;
  orders: PlannedOrder[];
  limit: number;
  backward: boolean;
  cursor?: Array<string | null>;
  offset?: number;
  outputs: ConnectionOutput[];
}

import { sql, type SQL } from "drizzle-orm";
import { ident } from "../../db/sql-text.ts";
import { AppError } from "../../errors/app-error.ts";
import { actorSources } from "../../field-types/composites/actor.ts";
import { enumTypeName } from "../../field-types/select.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import type { Actor } from "../actor.ts";
import type { RecordInput } from "../input/record-input.ts";
import type { FilterPlan } from "../plan/plan-filter.ts";
import type { Selection } from "../selection.ts";
import { recordJsonSql } from "./record-json.ts";
import { baseWhereSql, tableOf, whereSql, type SqlScope } from "./where.ts";

/** Rows one many-variant may change (Twenty: `Cannot update more than 200 records at once`). */
export const maxAffectedRows = 200;

export type RecordAction = "created" | "updated" | "deleted" | "destroyed" | "restored" | "upserted";

/** Where the events of a write go: the outbox, written by the same statement as the change. */
export interface EventContext {
  workspaceId: string;
  object: ObjectMetadata;
  actor: Actor;
  /** Depth-0 selection: the record as events and webhooks carry it. */
  eventSelection: Selection;
}

/**
 * A write planned with a caller hint: the statement reads the caller afresh (`caller` CTE, first) and writes
 * only if that row's md5 is still `digest`; its result row also carries the row (`text`, `digest`).
 */
export interface WriteGate {
  caller: SQL;
  digest: string;
}

/** Whether the caller the statement read is the one it was planned for. */
const callerMatchSql = (gate: WriteGate) => sql`(SELECT md5(c.caller) FROM caller c) = ${gate.digest}`;

/** The gated statement's WITH head and the caller columns of its final SELECT (nothing without a gate). */
function gateParts(gate: WriteGate | undefined): { head: SQL; tail: SQL } {
  if (!gate) return { head: sql``, tail: sql`` };
  return {
    head: sql`caller AS MATERIALIZED (${gate.caller}), `,
    tail: sql`, (SELECT c.caller FROM caller c) AS text, (SELECT md5(c.caller) FROM caller c) AS digest`,
  };
}

const param = (value: unknown, type: string) => sql`${sql.param(value)}::${sql.raw(type)}`;

function actorJson(actor: Actor): string {
  return JSON.stringify({ source: actor.source, name: actor.name, workspaceMemberId: actor.workspaceMemberId, userId: actor.userId, apiKeyId: actor.apiKeyId });
}

/** The changed top-level keys between two record JSONs (updatedAt and updatedBy aside: every update sets them). */
const updatedFieldsSql = (before: SQL, after: SQL) =>
  sql`(SELECT coalesce(json_agg(a.key), '[]'::json) FROM json_each(${after}) a JOIN json_each(${before}) b ON b.key = a.key WHERE a.key NOT IN ('updatedAt', 'updatedBy') AND a.value::text IS DISTINCT FROM b.value::text)`;

const hasActorField = (object: ObjectMetadata, name: "createdBy" | "updatedBy") => object.fields.some((f) => f.isActive && f.name === name && f.type === "ACTOR");

/**
 * `updatedBy` is whoever made the change, always: the columns of the caller's actor (Twenty fills it from the
 * request's author too), as column → value for an INSERT and SET pairs for an UPDATE.
 */
function updatedByValues(scope: SqlScope, object: ObjectMetadata, actor: Actor): Array<[column: string, cast: string, value: SQL]> {
  const actorEnum = `${ident(scope.schema)}.${ident(enumTypeName(object.tableName, "updatedBySource"))}`;
  return [
    ["updatedBySource", actorEnum, param(actor.source, actorEnum)],
    ["updatedByName", "text", param(actor.name, "text")],
    ["updatedByWorkspaceMemberId", "uuid", param(actor.workspaceMemberId, "uuid")],
    ["updatedByContext", "jsonb", param("{}", "jsonb")],
  ];
}

/**
 * `events` CTE: one outbox row per written record, with before/after as the API shows them. `before` reads
 * the table as it was when the statement started (the same snapshot the CTEs share).
 */
function eventsSql(scope: SqlScope, events: EventContext, action: RecordAction, written: string, withBefore: boolean, withAfter: boolean): SQL {
  const w = scope.nextAlias();
  const b = scope.nextAlias();
  const after = withAfter ? recordJsonSql(scope, events.eventSelection, w) : sql`NULL::json`;
  const before = withBefore ? recordJsonSql(scope, events.eventSelection, b) : sql`NULL::json`;
  const join = withBefore ? sql` JOIN ${tableOf(scope, events.object.tableName)} ${sql.raw(b)} ON ${sql.raw(b)}.id = ${sql.raw(w)}.id` : sql``;
  const changed = withBefore && withAfter ? updatedFieldsSql(before, after) : sql`NULL::json`;
  return sql`INSERT INTO core."eventOutbox" ("workspaceId", "eventName", "objectMetadataId", "recordId", payload, actor)
    SELECT ${param(events.workspaceId, "uuid")}, ${param(`${events.object.nameSingular}.${action}`, "text")}, ${param(events.object.id, "uuid")}, ${sql.raw(w)}.id,
      jsonb_strip_nulls(jsonb_build_object('before', ${before}, 'after', ${after}, 'updatedFields', ${changed})), ${param(actorJson(events.actor), "jsonb")}
    FROM ${sql.raw(written)} ${sql.raw(w)}${join}`;
}

/** The records of `written`, as the response selects them, in a given id order or by id. */
function writtenJsonSql(scope: SqlScope, selection: Selection, order?: string[]): SQL {
  const r = scope.nextAlias();
  const orderBy = order ? sql`array_position(${param(order, "uuid[]")}, ${sql.raw(r)}.id)` : sql.raw(`${r}.id`);
  return sql`coalesce((SELECT json_agg(${recordJsonSql(scope, selection, r)} ORDER BY ${orderBy}) FROM written ${sql.raw(r)}), '[]'::json)`;
}

/**
 * Creates records in ONE statement: a multi-row INSERT (columns a row does not give take their DEFAULT),
 * `position: first/last` against the live rows, `createdBy` from the caller, the outbox events, and the
 * records' JSON in input order. VALUES cannot take a WHERE, so a gate makes each id NULL for a changed
 * caller: the NOT NULL id aborts the whole statement (no row, no event) and the caller must be read again.
 */
export function insertSql(scope: SqlScope, selection: Selection, rows: Array<RecordInput & { id: string }>, events: EventContext, gate?: WriteGate): SQL {
  const object = selection.object;
  const table = tableOf(scope, object.tableName);
  const hasPosition = object.fields.some((f) => f.isActive && f.name === "position");
  const hasCreatedBy = hasActorField(object, "createdBy");
  const updatedBy = hasActorField(object, "updatedBy") ? new Map(updatedByValues(scope, object, events.actor).map(([column, cast, value]) => [column, { cast, value }])) : undefined;
  const columns = new Map<string, string>([["id", "uuid"]]);
  for (const row of rows) for (const value of row.columns) columns.set(value.column, value.cast);
  if (hasPosition) columns.set("position", "double precision");
  const actorEnum = `${ident(scope.schema)}.${ident(enumTypeName(object.tableName, "createdBySource"))}`;
  if (hasCreatedBy) {
    columns.set("createdBySource", actorEnum);
    columns.set("createdByName", "text");
    columns.set("createdByWorkspaceMemberId", "uuid");
    columns.set("createdByContext", "jsonb");
  }
  for (const [column, { cast }] of updatedBy ?? []) columns.set(column, cast);
  const names = [...columns.keys()];
  let first = 0;
  let last = 0;
  const tuples = rows.map((row) => {
    const given = new Map(row.columns.map((value) => [value.column, value]));
    const values = names.map((name): SQL => {
      if (name === "id") return gate ? sql`CASE WHEN ${callerMatchSql(gate)} THEN ${param(row.id, "uuid")} END` : param(row.id, "uuid");
      if (name === "position") return positionSql(scope, object, row.position ?? "first", () => ++first, () => ++last);
      if (hasCreatedBy && name.startsWith("createdBy")) return createdBySql(name, row, events.actor, actorEnum);
      const updater = updatedBy?.get(name);
      if (updater) return updater.value;
      const value = given.get(name);
      return value ? param(value.value, value.cast) : sql.raw("DEFAULT");
    });
    return sql`(${sql.join(values, sql.raw(", "))})`;
  });
  const insert = sql`INSERT INTO ${table} (${sql.raw(names.map(ident).join(", "))}) VALUES ${sql.join(tuples, sql.raw(", "))} RETURNING *`;
  const { head, tail } = gateParts(gate);
  return sql`WITH ${head}written AS (${insert}), events AS (${eventsSql(scope, events, "created", "written", false, true)})
    SELECT json_build_object('records', ${writtenJsonSql(scope, selection, rows.map((row) => row.id))})::text AS result${tail}`;
}

function positionSql(scope: SqlScope, object: ObjectMetadata, position: number | "first" | "last", nextFirst: () => number, nextLast: () => number): SQL {
  if (typeof position === "number") return param(position, "double precision");
  const table = tableOf(scope, object.tableName);
  if (position === "first") return sql`(SELECT coalesce(min("position"), 1) FROM ${table} WHERE "deletedAt" IS NULL) - ${sql.raw(String(nextFirst()))}`;
  return sql`(SELECT coalesce(max("position"), 0) FROM ${table} WHERE "deletedAt" IS NULL) + ${sql.raw(String(nextLast()))}`;
}

function createdBySql(column: string, row: RecordInput, actor: Actor, actorEnum: string): SQL {
  switch (column) {
    case "createdBySource": {
      const source = row.createdBySource ?? actor.source;
      if (!(actorSources as readonly string[]).includes(source)) {
        throw new AppError(400, "INVALID_RECORD_INPUT", `Invalid value "${source}" for field "createdBy.source". Valid values are: ${actorSources.join(", ")}`);
      }
      return param(source, actorEnum);
    }
    case "createdByName":
      return param(actor.name, "text");
    case "createdByWorkspaceMemberId":
      return param(actor.workspaceMemberId, "uuid");
    default:
      return param(JSON.stringify(row.createdByContext ?? {}), "jsonb");
  }
}

export type Mutation =
  | { kind: "update"; columns: RecordInput["columns"]; position?: number }
  | { kind: "softDelete" }
  | { kind: "restore" }
  | { kind: "destroy" };

/** Which rows a mutation targets: one id, or a filter (already planned). */
export type Target = { id: string } | { filter: FilterPlan };

const actions: Record<Mutation["kind"], RecordAction> = { update: "updated", softDelete: "deleted", restore: "restored", destroy: "destroyed" };

/**
 * Updates, soft-deletes, restores or destroys the targeted rows in ONE statement: the targets (at most 200 + 1,
 * to refuse larger sets without touching them), the change, the outbox events with before and after, and the
 * changed records' JSON. Soft deletion and updates see live rows, restore sees deleted ones, destroy all.
 * With a gate, a changed caller targets nothing: nothing is written and no event recorded.
 */
export function mutateSql(scope: SqlScope, selection: Selection, target: Target, mutation: Mutation, events: EventContext, gate?: WriteGate): SQL {
  const object = selection.object;
  const table = tableOf(scope, object.tableName);
  const t = scope.nextAlias();
  const conditions: SQL[] = [];
  if ("id" in target) conditions.push(sql`${sql.raw(t)}.id = ${param(target.id, "uuid")}`);
  if (mutation.kind === "restore") {
    conditions.push(sql.raw(`${t}."deletedAt" IS NOT NULL`));
    if ("filter" in target) conditions.push(whereSql(scope, t, target.filter.filter));
  } else if (mutation.kind === "destroy") {
    if ("filter" in target) conditions.push(whereSql(scope, t, target.filter.filter));
  } else if ("filter" in target) conditions.push(baseWhereSql(scope, t, target.filter));
  else conditions.push(sql.raw(`${t}."deletedAt" IS NULL`));
  if (gate) conditions.push(callerMatchSql(gate));
  const targets = sql`SELECT ${sql.raw(t)}.id FROM ${table} ${sql.raw(t)} WHERE ${sql.join(conditions, sql.raw(" AND "))} ORDER BY ${sql.raw(t)}.id LIMIT ${sql.raw(String(maxAffectedRows + 1))}`;
  const guard = sql`(SELECT count(*) FROM targets) <= ${sql.raw(String(maxAffectedRows))}`;
  let change: SQL;
  if (mutation.kind === "destroy") {
    change = sql`DELETE FROM ${table} WHERE id IN (SELECT id FROM targets) AND ${guard} RETURNING *`;
  } else {
    const sets: SQL[] = [];
    if (mutation.kind === "update") {
      for (const value of mutation.columns) sets.push(sql`${sql.raw(ident(value.column))} = ${param(value.value, value.cast)}`);
      if (mutation.position !== undefined) sets.push(sql`"position" = ${param(mutation.position, "double precision")}`);
      sets.push(sql.raw(`"updatedAt" = now()`));
      if (hasActorField(object, "updatedBy")) {
        for (const [column, , value] of updatedByValues(scope, object, events.actor)) sets.push(sql`${sql.raw(ident(column))} = ${value}`);
      }
    } else if (mutation.kind === "softDelete") sets.push(sql.raw(`"deletedAt" = now()`));
    else sets.push(sql.raw(`"deletedAt" = NULL`));
    change = sql`UPDATE ${table} SET ${sql.join(sets, sql.raw(", "))} WHERE id IN (SELECT id FROM targets) AND ${guard} RETURNING *`;
  }
  const action = actions[mutation.kind];
  const events_ = eventsSql(scope, events, action, "written", true, action !== "destroyed");
  const { head, tail } = gateParts(gate);
  return sql`WITH ${head}targets AS (${targets}), written AS (${change}), events AS (${events_})
    SELECT json_build_object('matched', (SELECT count(*) FROM targets), 'records', ${writtenJsonSql(scope, selection)})::text AS result${tail}`;
}

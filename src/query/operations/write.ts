import type { WorkspaceAuthContext } from "../../auth/auth-context.ts";
import { AppError, notFound, permissionDenied } from "../../errors/app-error.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import { RecordAccess, type RecordOperation } from "../access.ts";
import { actorOf } from "../actor.ts";
import type { FilterNode } from "../ast.ts";
import type { ValueSource } from "../../field-types/leaves/leaf.ts";
import { planRecordInput } from "../input/record-input.ts";
import { planFilter } from "../plan/plan-filter.ts";
import { selectionForDepth, type Selection } from "../selection.ts";
import { createScope } from "../sql/where.ts";
import { insertSql, maxAffectedRows, mutateSql, type EventContext, type Mutation, type Target, type WriteGate } from "../sql/write-sql.ts";
import type { Runner } from "./caller-gate.ts";
import { runWriteJson } from "./run-json.ts";

/** Create-many over 200 records is refused whole (Twenty's message). */
export const maxCreatedRows = 200;

export interface WriteScope {
  /** Where the write runs: through the request's caller gate, the write then checking the caller itself. */
  db: Runner;
  metadata: WorkspaceMetadata;
  access: RecordAccess;
  auth: WorkspaceAuthContext;
  object: ObjectMetadata;
  /** What the response shows of each written record. */
  selection: Selection;
}

function eventContext(scope: WriteScope): EventContext {
  return {
    workspaceId: scope.metadata.workspaceId,
    object: scope.object,
    actor: actorOf(scope.auth),
    eventSelection: selectionForDepth(scope.metadata, scope.object, 0, RecordAccess.everything),
  };
}

function requireAccess(scope: WriteScope, operation: RecordOperation): void {
  if (!scope.access.can(operation, scope.object)) throw permissionDenied();
}

/** Creates records (all or none) with one statement; returns them in input order. */
export async function createRecords(scope: WriteScope, bodies: unknown[]): Promise<unknown[]> {
  requireAccess(scope, "update");
  if (bodies.length > maxCreatedRows) throw new AppError(400, "TOO_MANY_RECORDS", `Maximum number of records to upsert is ${maxCreatedRows}.`);
  if (bodies.length === 0) return [];
  const rows = bodies.map((body, i) => {
    const input = planRecordInput(scope.metadata, scope.object, body, "create", scope.access, bodies.length > 1 ? `[${i}].` : "");
    return { ...input, id: input.id ?? crypto.randomUUID() };
  });
  if (new Set(rows.map((row) => row.id)).size !== rows.length) throw new AppError(400, "DUPLICATE_ENTRY", "A duplicate entry was detected");
  const events = eventContext(scope);
  const statement = (gate: WriteGate | undefined) => insertSql(createScope(scope.metadata.schemaName), scope.selection, rows, events, gate);
  return (await runWriteJson<{ records: unknown[] }>(scope.db, statement, scope.object)).records;
}

async function mutate(scope: WriteScope, target: Target, mutation: Mutation): Promise<unknown[]> {
  const events = eventContext(scope);
  const statement = (gate: WriteGate | undefined) => mutateSql(createScope(scope.metadata.schemaName), scope.selection, target, mutation, events, gate);
  const result = await runWriteJson<{ matched: number; records: unknown[] }>(scope.db, statement, scope.object);
  if (Number(result.matched) > maxAffectedRows) {
    throw new AppError(400, "TOO_MANY_RECORDS", `Cannot ${mutation.kind === "update" ? "update" : "change"} more than ${maxAffectedRows} records at once`);
  }
  if ("id" in target && result.records.length === 0) throw notFound();
  return result.records;
}

/** Whether a filter names anything at all: `{}`, `and()` or `{id: {}}` name nothing. */
const hasCondition = (node: FilterNode): boolean =>
  node.kind === "condition" || (node.kind === "not" ? hasCondition(node.child) : node.children.some(hasCondition));

/** The filter of a many-variant: required and non-empty (a missing or empty filter must not touch every row). */
export function requiredFilter(scope: WriteScope, filter: FilterNode | undefined, source: ValueSource) {
  if (!filter || !hasCondition(filter)) throw new AppError(400, "FILTER_REQUIRED", "Filter is required");
  return planFilter(scope.metadata, scope.object, filter, source, scope.access);
}

export async function updateRecords(scope: WriteScope, target: Target, body: unknown): Promise<unknown[]> {
  requireAccess(scope, "update");
  const input = planRecordInput(scope.metadata, scope.object, body, "update", scope.access);
  if (input.position === "first" || input.position === "last") {
    throw new AppError(400, "INVALID_POSITION", "Position 'first' and 'last' apply to new records; give a number to move one");
  }
  return mutate(scope, target, { kind: "update", columns: input.columns, ...(input.position !== undefined ? { position: input.position } : {}) });
}

export async function softDeleteRecords(scope: WriteScope, target: Target): Promise<unknown[]> {
  requireAccess(scope, "softDelete");
  return mutate(scope, target, { kind: "softDelete" });
}

export async function restoreRecords(scope: WriteScope, target: Target): Promise<unknown[]> {
  requireAccess(scope, "softDelete");
  return mutate(scope, target, { kind: "restore" });
}

export async function destroyRecords(scope: WriteScope, target: Target): Promise<unknown[]> {
  requireAccess(scope, "destroy");
  return mutate(scope, target, { kind: "destroy" });
}

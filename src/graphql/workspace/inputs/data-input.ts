import type { Db } from "../../../db/database.ts";
import { AppError, permissionDenied } from "../../../errors/app-error.ts";
import type { FieldLeaf } from "../../../field-types/field-type.ts";
import { compositeDefinition, fieldTypeDefinition } from "../../../field-types/registry.ts";
import { joinColumnOf } from "../../../field-types/relation.ts";
import type { FieldMetadata, ObjectMetadata } from "../../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../../metadata/workspace-metadata.ts";
import type { RecordAccess } from "../../../query/access.ts";
import { runJson } from "../../../query/operations/run-json.ts";
import { activeField, leavesOf } from "../../../query/plan/resolve-path.ts";
import { createScope } from "../../../query/sql/where.ts";
import { connectLookupSql } from "./connect-sql.ts";

export interface ConnectCondition {
  /** The unique field of the target the condition reads. */
  field: FieldMetadata;
  column: string;
  value: string | number | boolean;
  /** SQL type the parameter is cast to, so the column keeps its index (the primary key for `id`). */
  cast: string;
}

/** `company: {connect: {where: …}}` on one record: the target row it names, to be found before the write. */
export interface ConnectRequest {
  field: FieldMetadata;
  joinColumn: string;
  target: ObjectMetadata;
  /** ANDed; together they name at most one live row, since each is a unique column. */
  conditions: ConnectCondition[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const notAllowed = (message: string) => new AppError(400, "CONNECT_NOT_ALLOWED", message);

/** `id`, then every unique field as `where` names it (`domainName.primaryLinkUrl`), for the refusal message. */
function uniqueKeys(target: ObjectMetadata): string[] {
  const unique = target.fields.filter((field) => field.isActive && field.name !== "id" && field.isUnique);
  return ["id", ...unique.map((field) => {
    const part = compositeDefinition(field.type)?.subFields.find((sub) => sub.isUniquePart);
    return part ? `${field.name}.${part.name}` : field.name;
  })];
}

function conditionOf(field: FieldMetadata, leaf: FieldLeaf, value: unknown, label: string): ConnectCondition {
  const parsed = leaf.leaf.parse(value, label, "json");
  if (typeof parsed !== "string" && typeof parsed !== "number" && typeof parsed !== "boolean") {
    throw notAllowed(`"${label}" must be a single value`);
  }
  return { field, column: leaf.column, value: parsed, cast: leaf.leaf.sqlType };
}

/**
 * `where` must name unique fields only: `id`, a unique scalar, or the unique sub-field of a unique composite
 * (`domainName: {primaryLinkUrl}`). Several are ANDed. Values are checked by the field's own type.
 */
function connectConditions(metadata: WorkspaceMetadata, target: ObjectMetadata, key: string, where: unknown): ConnectCondition[] {
  const onlyUnique = () => notAllowed(`Connect is only allowed on unique fields: ${uniqueKeys(target).join(", ")} (${key}.connect.where)`);
  const given = isObject(where) ? Object.entries(where).filter(([, value]) => value !== null && value !== undefined) : [];
  if (given.length === 0) throw onlyUnique();
  return given.flatMap(([name, value]) => {
    const field = activeField(target, name);
    if (!field || !(field.isUnique || name === "id") || field.type === "RELATION") throw onlyUnique();
    const leaves = leavesOf(metadata, target, field);
    const label = `${key}.connect.where.${name}`;
    const composite = compositeDefinition(field.type);
    if (!composite) return [conditionOf(field, leaves[0]!, value, label)];
    const subs = isObject(value) ? Object.entries(value).filter(([, sub]) => sub !== null && sub !== undefined) : [];
    if (subs.length === 0) throw onlyUnique();
    return subs.map(([subField, subValue]) => {
      if (!composite.subFields.some((sub) => sub.name === subField && sub.isUniquePart)) throw onlyUnique();
      const leaf = leaves.find((l) => l.subField === subField)!;
      // Stored values are normalised (emails lower-cased, links without a trailing slash): so is the probe.
      const stored = fieldTypeDefinition(field.type)
        .input?.(field, { [subField]: subValue }, { schema: metadata.schemaName, table: target.tableName, key: `${label}.${subField}` })
        .find((column) => column.column === leaf.column)?.value;
      return conditionOf(field, leaf, stored ?? subValue, `${label}.${subField}`);
    });
  });
}

/** The `{connect}` / `{disconnect}` object of one MANY_TO_ONE relation key. */
function relationInput(metadata: WorkspaceMetadata, field: FieldMetadata, joinColumn: string, value: unknown, body: Record<string, unknown>): ConnectRequest | undefined {
  if (!isObject(value)) throw notAllowed(`"${field.name}" takes {connect: {where: …}} or {disconnect: true}`);
  const { connect, disconnect } = value;
  const hasConnect = connect !== null && connect !== undefined;
  if (hasConnect && disconnect !== null && disconnect !== undefined) {
    // 2.21's words, which end "on undefined" there: we name the field.
    throw notAllowed(`Cannot have both connect and disconnect for the same field on ${field.name}.`);
  }
  if (disconnect === true) body[joinColumn] = null;
  if (!hasConnect) return undefined;
  const target = metadata.objectsById.get(field.relationTargetObjectMetadataId ?? "");
  if (!target) throw notAllowed(`The target of relation "${field.name}" is not available`);
  const where = isObject(connect) ? connect.where : undefined;
  return { field, joinColumn, target, conditions: connectConditions(metadata, target, field.name, where) };
}

/**
 * Splits a GraphQL create/update input into the REST-shaped record body (`companyId`, composites as objects,
 * dates as ISO text) and the connects still to resolve. `disconnect: true` nulls the join column at once.
 */
export function splitDataInput(metadata: WorkspaceMetadata, object: ObjectMetadata, data: Record<string, unknown>): { body: Record<string, unknown>; connects: ConnectRequest[] } {
  const body: Record<string, unknown> = {};
  const connects: ConnectRequest[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const field = activeField(object, key);
    if (field?.type !== "RELATION") {
      body[key] = value;
      continue;
    }
    const joinColumn = joinColumnOf(field);
    if (!joinColumn) throw notAllowed(`"${key}" is a one-to-many relation: connect from the other side, through its join column`);
    // An explicit null names no relation operation.
    if (value === null) continue;
    if (data[joinColumn] !== undefined) throw notAllowed(`${key} and ${joinColumn} cannot be both provided.`);
    const connect = relationInput(metadata, field, joinColumn, value, body);
    if (connect) connects.push(connect);
  }
  return { body, connects };
}

const conditionText = (request: ConnectRequest) => request.conditions.map(({ column, value }) => `${column} = ${String(value)}`).join(" and ");

/**
 * Sets each connect's join column from the ids its lookup found (`idsPerConnect` in the order of
 * `connectsPerBody`, flattened): exactly one is required. Returns new bodies.
 */
export function applyConnects(bodies: Array<Record<string, unknown>>, connectsPerBody: ConnectRequest[][], idsPerConnect: string[][]): Array<Record<string, unknown>> {
  let next = 0;
  return bodies.map((body, index) => {
    const out = { ...body };
    for (const request of connectsPerBody[index] ?? []) {
      const ids = idsPerConnect[next++] ?? [];
      if (ids.length === 0) {
        throw new AppError(400, "CONNECT_RECORD_NOT_FOUND", `Expected 1 record to connect to ${request.field.name}, but found 0 for ${conditionText(request)}`);
      }
      if (ids.length > 1) {
        throw new AppError(400, "CONNECT_UNIQUE_CONSTRAINT_ERROR", `Expected 1 record to connect to ${request.field.name}, but found ${ids.length} for ${conditionText(request)}`);
      }
      out[request.joinColumn] = ids[0];
    }
    return out;
  });
}

/**
 * The lookups run before the write checks its permissions, so they check first: otherwise "not found" against
 * "forbidden" would tell a caller who may not write here, or not read the target, which records exist.
 */
function requireConnectAccess(access: RecordAccess, object: ObjectMetadata, connects: ConnectRequest[]): void {
  if (!access.can("update", object)) throw permissionDenied();
  for (const { field, target, conditions } of connects) {
    if (!access.canUpdateField(field) || !access.can("read", target)) throw permissionDenied();
    if (conditions.some((condition) => !access.canReadField(target, condition.field))) throw permissionDenied();
  }
}

/** 2.21 resolves the connects of one relation across a batch by one set of unique fields: every record names the same. */
function requireConsistentConstraints(connects: ConnectRequest[]): void {
  const constraints = new Map<string, string>();
  for (const request of connects) {
    const columns = request.conditions.map((condition) => condition.column).sort().join(",");
    const seen = constraints.get(request.field.name);
    if (seen === undefined) constraints.set(request.field.name, columns);
    else if (seen !== columns) throw notAllowed(`Expected the same constraint fields to be used consistently across all operations for ${request.field.name}.`);
  }
}

/** Every input of a write as REST bodies, all connects resolved with one statement (none when there are none). */
export async function resolveDataInputs(
  db: Db,
  metadata: WorkspaceMetadata,
  access: RecordAccess,
  object: ObjectMetadata,
  inputs: Array<Record<string, unknown>>,
): Promise<Array<Record<string, unknown>>> {
  const split = inputs.map((input) => splitDataInput(metadata, object, input));
  const bodies = split.map(({ body }) => body);
  const connectsPerBody = split.map(({ connects }) => connects);
  const all = connectsPerBody.flat();
  if (all.length === 0) return bodies;
  requireConnectAccess(access, object, all);
  requireConsistentConstraints(all);
  const ids = await runJson<string[][]>(db, connectLookupSql(createScope(metadata.schemaName), all));
  return applyConnects(bodies, connectsPerBody, ids);
}

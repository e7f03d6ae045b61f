import { AppError, permissionDenied } from "../../errors/app-error.ts";
import type { ColumnValue } from "../../field-types/field-type.ts";
import { checkRecordSize } from "../../field-types/inputs/input-limits.ts";
import { parseInputValue } from "../../field-types/inputs/input-messages.ts";
import { uuidLeaf } from "../../field-types/leaves/identity.ts";
import { valueText } from "../../field-types/leaves/leaf.ts";
import { fieldTypeDefinition } from "../../field-types/registry.ts";
import { joinColumnOf } from "../../field-types/relation.ts";
import type { FieldMetadata, ObjectMetadata } from "../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import type { RecordAccess } from "../access.ts";

export type WriteMode = "create" | "update";

/** One record's input, checked against the metadata and split into columns. */
export interface RecordInput {
  id?: string;
  columns: ColumnValue[];
  /** `first`/`last` resolve against the table when the statement runs; a number is kept. */
  position?: number | "first" | "last";
  /** A source the client chose for `createdBy` (Twenty keeps it; name and member come from the caller). */
  createdBySource?: string;
  createdByContext?: unknown;
}

const bad = (code: string, message: string) => new AppError(400, code, message);
const readOnly = new Set(["updatedAt", "deletedAt", "searchVector"]);

function fieldByKey(object: ObjectMetadata, key: string): { field: FieldMetadata; joinColumn?: string } | undefined {
  const field = object.fields.find((f) => f.isActive && f.name === key);
  if (field) return { field };
  const relation = object.fields.find((f) => f.isActive && f.type === "RELATION" && joinColumnOf(f) === key);
  return relation ? { field: relation, joinColumn: key } : undefined;
}

/**
 * Reads a record body: unknown keys are a 400 naming them (Twenty 2.21 wording), relations are set through
 * their join column (`companyId`), server-owned fields are refused, each value goes through its field type's
 * input (typed, normalised), and fields the role may not update are a permission error.
 */
export function planRecordInput(
  metadata: WorkspaceMetadata,
  object: ObjectMetadata,
  body: unknown,
  mode: WriteMode,
  access: RecordAccess,
  path = "",
): RecordInput {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw bad("INVALID_RECORD_INPUT", `${path || "The request body"} must be a JSON object of ${object.nameSingular} fields`);
  }
  checkRecordSize(body as Record<string, unknown>, path);
  const input: RecordInput = { columns: [] };
  const context = { schema: metadata.schemaName, table: object.tableName };
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (value === undefined) continue;
    const label = `${path}${key}`;
    if (key === "id") {
      const id = parseInputValue(uuidLeaf, value, "id") as string;
      if (mode === "create") input.id = id;
      continue;
    }
    const found = fieldByKey(object, key);
    if (!found) throw bad("UNKNOWN_FIELD", `Object ${object.nameSingular} doesn't have any "${key}" field.`);
    const { field, joinColumn } = found;
    if (!access.canUpdateField(field)) throw permissionDenied();
    if (readOnly.has(field.name) || (field.name === "createdAt" && mode === "update")) {
      throw bad("READ_ONLY_FIELD", `Field "${label}" is set by the server`);
    }
    if (joinColumn) {
      input.columns.push({ column: joinColumn, value: value === null ? null : parseInputValue(uuidLeaf, value, label), cast: "uuid" });
      continue;
    }
    if (field.type === "RELATION") {
      const column = joinColumnOf(field);
      throw bad("RELATION_INPUT", column ? `Set the relation "${key}" with "${column}"` : `The one-to-many relation "${key}" is set from the other side`);
    }
    // The statement places the record's own `position`; any other POSITION field is a plain number column.
    if (field.type === "POSITION" && field.name === "position") {
      if (value !== "first" && value !== "last" && (typeof value !== "number" || !Number.isFinite(value))) {
        throw bad("INVALID_POSITION", `Invalid position value: '${valueText(value)}'. Position must be 'first', 'last', or a number`);
      }
      input.position = value;
      continue;
    }
    if (field.type === "ACTOR" && field.name === "createdBy") {
      const { source, context } = readActor(value, label);
      if (source !== undefined) input.createdBySource = source;
      if (context !== undefined) input.createdByContext = context;
      continue;
    }
    // Twenty 2.21's inputs carry `updatedBy`, but it always names whoever makes the change: the shape is
    // checked and the values left to the statement.
    if (field.type === "ACTOR" && field.name === "updatedBy") {
      readActor(value, label);
      continue;
    }
    const definition = fieldTypeDefinition(field.type);
    if (!definition.input) throw bad("READ_ONLY_FIELD", `Field "${label}" cannot be written`);
    input.columns.push(...definition.input(field, value, { ...context, key: label }));
  }
  return input;
}

/** The parts of an actor a client may choose: its source and context (name and member come from the caller). */
function readActor(value: unknown, label: string): { source?: string; context?: unknown } {
  const choice: { source?: string; context?: unknown } = {};
  if (value === null) return choice;
  if (typeof value !== "object" || Array.isArray(value)) throw bad("INVALID_RECORD_INPUT", `Field "${label}" is an object with source and context`);
  for (const [key, sub] of Object.entries(value as Record<string, unknown>)) {
    if (key === "source") {
      if (typeof sub !== "string") throw bad("INVALID_RECORD_INPUT", `Field "${label}.source" must be text`);
      choice.source = sub;
    } else if (key === "context") choice.context = sub;
    else if (key === "name" || key === "workspaceMemberId") continue;
    else throw bad("INVALID_RECORD_INPUT", `Invalid subfield ${key} for actor field "${label}"`);
  }
  return choice;
}

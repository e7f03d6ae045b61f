import { AppError, permissionDenied } from "../../errors/app-error.ts";
import { filterOperators, type FilterOperator, type ValueSource, valueText } from "../../field-types/leaves/leaf.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import type { RecordAccess } from "../access.ts";
import type { FilterNode, FilterOperand } from "../ast.ts";
import { resolvePath, type ResolvedPath } from "./resolve-path.ts";

export type PlannedFilter =
  | { kind: "and" | "or"; children: PlannedFilter[] }
  | { kind: "not"; child: PlannedFilter }
  | { kind: "condition"; target: ResolvedPath; operator: FilterOperator; operand: unknown };

export interface FilterPlan {
  filter: PlannedFilter;
  /** Soft-deleted rows are visible only to filters that name `deletedAt` (Twenty's rule). */
  mentionsDeletedAt: boolean;
}

const bad = (code: string, message: string) => new AppError(400, code, message);
const listOperators = new Set(["in", "nin", "containsAny"]);
const textPatternOperators = new Set(["like", "ilike", "startsWith", "endsWith", "containsIlike", "search"]);

/** Checks every condition against the object's fields and types its operands: a bad one is a 400 naming it. */
export function planFilter(metadata: WorkspaceMetadata, object: ObjectMetadata, node: FilterNode, source: ValueSource, access: RecordAccess): FilterPlan {
  let mentionsDeletedAt = false;
  const visit = (current: FilterNode): PlannedFilter => {
    switch (current.kind) {
      case "and":
      case "or":
        return { kind: current.kind, children: current.children.map(visit) };
      case "not":
        return { kind: "not", child: visit(current.child) };
      case "condition": {
        const target = resolvePath(metadata, object, current.path);
        if (!access.canReadPath(object, target)) throw permissionDenied();
        if (!target.via && target.field.name === "deletedAt") mentionsDeletedAt = true;
        const operator = checkOperator(target, current.operator, current.schemaOperator === true);
        return { kind: "condition", target, operator, operand: operandFor(target, operator, current.value, source) };
      }
    }
  };
  return { filter: visit(node), mentionsDeletedAt };
}

function checkOperator(target: ResolvedPath, operator: string, schemaOperator: boolean): FilterOperator {
  if (!schemaOperator && !(filterOperators as readonly string[]).includes(operator)) {
    throw bad("INVALID_FILTER", `'filter' invalid for '${target.key}[${operator}]', comparator ${operator} not in ${filterOperators.join(", ")}`);
  }
  if (!target.leaf.operators.includes(operator as FilterOperator)) {
    throw bad(
      "INVALID_FILTER_OPERATOR",
      `Operator "${operator}" is not valid for field "${target.key}" of type ${target.leaf.typeName} - Allowed operators: ${target.leaf.operators.join(", ")}`,
    );
  }
  return operator as FilterOperator;
}

function operandFor(target: ResolvedPath, operator: FilterOperator, value: FilterOperand, source: ValueSource): unknown {
  const name = target.key;
  if (operator === "is") {
    const text = typeof value === "string" ? value.toUpperCase() : value;
    if (text !== "NULL" && text !== "NOT_NULL") throw bad("INVALID_FILTER_VALUE", `Invalid filter value for "is" operator. Expected "NULL" or "NOT_NULL"`);
    return text;
  }
  if (operator === "isEmptyArray") {
    if (value === true || value === "true") return true;
    if (value === false || value === "false") return false;
    throw bad("INVALID_FILTER_VALUE", `Invalid filter value for "isEmptyArray" operator on "${name}". Expected true or false`);
  }
  if (listOperators.has(operator)) {
    if (!Array.isArray(value)) {
      throw bad("INVALID_FILTER_VALUE", `'filter' invalid for '${operator}' operator. Received '${valueText(value)}' but array value expected eg: 'field[${operator}]:[value_1,value_2]'`);
    }
    if (value.length === 0 && operator !== "nin") throw bad("INVALID_FILTER_VALUE", `Invalid filter value for field ${name}. Expected non-empty array`);
    return value.map((item) => target.leaf.parse(item, name, source));
  }
  if (Array.isArray(value)) throw bad("INVALID_FILTER_VALUE", `Operator "${operator}" on "${name}" takes one value, not a list`);
  if (textPatternOperators.has(operator)) {
    if (typeof value !== "string") throw bad("INVALID_FILTER_VALUE", `Operator "${operator}" on "${name}" takes a text value`);
    return value;
  }
  if (value === null) throw bad("INVALID_FILTER_VALUE", `Use "is" to compare "${name}" with NULL`);
  return target.leaf.parse(value, name, source);
}

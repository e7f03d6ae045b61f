import { AppError } from "../../../errors/app-error.ts";
import { isCompositeType } from "../../../field-types/registry.ts";
import { joinColumnOf } from "../../../field-types/relation.ts";
import type { ObjectMetadata } from "../../../metadata/types.ts";
import type { FilterNode, FilterOperand } from "../../../query/ast.ts";
import { activeField } from "../../../query/plan/resolve-path.ts";

const invalidFilter = (message: string) => new AppError(400, "INVALID_FILTER", message);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The planner reads operands as JSON: scalars and lists of them. */
function toOperand(value: unknown, key: string): FilterOperand {
  if (Array.isArray(value)) return value.map((item) => toOperand(item, key));
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  throw new AppError(400, "INVALID_FILTER_VALUE", `Invalid filter value ${JSON.stringify(value)} for "${key}"`);
}

/** `{gte: 1, lte: 5}` on `path`: one condition per operator. Null operands are kept: the planner names them. */
function operatorConditions(path: string[], operators: unknown): FilterNode[] {
  if (operators === null || operators === undefined) return [];
  if (!isObject(operators)) throw invalidFilter(`Filter on "${path.join(".")}" must be an object of operators`);
  return Object.entries(operators)
    .filter(([, value]) => value !== undefined)
    .map(([operator, value]) => ({ kind: "condition", path, operator, value: toOperand(value, path.join(".")) }));
}

const isJoinColumn = (object: ObjectMetadata, key: string) => object.fields.some((f) => f.isActive && f.type === "RELATION" && joinColumnOf(f) === key);

function fieldConditions(object: ObjectMetadata, key: string, value: unknown): FilterNode[] {
  const field = activeField(object, key);
  if (!field || !isCompositeType(field.type)) {
    const conditions = operatorConditions([key], value);
    if (conditions.length > 0 || field || isJoinColumn(object, key)) return conditions;
    // An unknown key must still reach the planner, which refuses it by name, even with no operators.
    return [{ kind: "condition", path: [key], operator: "eq", value: null }];
  }
  if (value === null || value === undefined) return [];
  if (!isObject(value)) throw invalidFilter(`Filter on composite field "${key}" must be an object of sub-fields`);
  return Object.entries(value).flatMap(([subField, operators]) => operatorConditions([key, subField], operators));
}

const childrenOf = (object: ObjectMetadata, key: string, value: unknown): FilterNode[] => {
  if (!Array.isArray(value)) throw invalidFilter(`"${key}" takes a list of filters`);
  return value.filter((child) => child !== null && child !== undefined).map((child) => filterInputToNode(object, child as Record<string, unknown>));
};

/**
 * Twenty's `<Object>FilterInput`: `and`/`or` lists, `not`, and per field an object of operators (per
 * sub-field for composites). Keys side by side are ANDed. Field names and operators are checked by
 * `planFilter`, as for REST.
 */
export function filterInputToNode(object: ObjectMetadata, input: Record<string, unknown>): FilterNode {
  if (!isObject(input)) throw invalidFilter("A filter must be an object");
  const children: FilterNode[] = [];
  for (const [key, value] of Object.entries(input)) {
    if ((key === "and" || key === "or" || key === "not") && (value === null || value === undefined)) continue;
    if (key === "and" || key === "or") children.push({ kind: key, children: childrenOf(object, key, value) });
    else if (key === "not") children.push({ kind: "not", child: filterInputToNode(object, value as Record<string, unknown>) });
    else children.push(...fieldConditions(object, key, value));
  }
  return children.length === 1 ? children[0]! : { kind: "and", children };
}

import { AppError } from "../../../errors/app-error.ts";
import { isCompositeType } from "../../../field-types/registry.ts";
import { joinColumnOf } from "../../../field-types/relation.ts";
import { filterOperators } from "../../../field-types/leaves/leaf.ts";
import type { ObjectMetadata } from "../../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../../metadata/workspace-metadata.ts";
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
    .map(([operator, value]): FilterNode => ({
      kind: "condition",
      path,
      operator,
      value: toOperand(value, path.join(".")),
      // The schema declared it (StringFilter's regex): the planner names it as not valid for the field.
      ...((filterOperators as readonly string[]).includes(operator) ? {} : { schemaOperator: true as const }),
    }));
}

/** Every condition's path, under the relation it was written inside (`company: {name: …}` → `company.name`). */
function underRelation(relation: string, node: FilterNode): FilterNode {
  switch (node.kind) {
    case "and":
    case "or":
      return { kind: node.kind, children: node.children.map((child) => underRelation(relation, child)) };
    case "not":
      return { kind: "not", child: underRelation(relation, node.child) };
    case "condition":
      return { ...node, path: [relation, ...node.path] };
  }
}

const isJoinColumn = (object: ObjectMetadata, key: string) => object.fields.some((f) => f.isActive && f.type === "RELATION" && joinColumnOf(f) === key);

function fieldConditions(metadata: WorkspaceMetadata, object: ObjectMetadata, key: string, value: unknown): FilterNode[] {
  const field = activeField(object, key);
  if (field?.type === "RELATION") {
    if (value === null || value === undefined) return [];
    const target = metadata.objectsById.get(field.relationTargetObjectMetadataId ?? "");
    if (!target || !isObject(value)) throw invalidFilter(`Filter on relation "${key}" must be a filter of the related object`);
    const inner = filterInputToNode(metadata, target, value);
    if (inner.kind === "and" && inner.children.length === 0) return [];
    // The planner checks the hop (MANY_TO_ONE, one relation deep) and the related fields.
    return [underRelation(key, inner)];
  }
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

const childrenOf = (metadata: WorkspaceMetadata, object: ObjectMetadata, key: string, value: unknown): FilterNode[] => {
  if (!Array.isArray(value)) throw invalidFilter(`"${key}" takes a list of filters`);
  return value.filter((child) => child !== null && child !== undefined).map((child) => filterInputToNode(metadata, object, child as Record<string, unknown>));
};

/**
 * Twenty's `<Object>FilterInput`: `and`/`or` lists, `not`, per field an object of operators (per sub-field
 * for composites), and per MANY_TO_ONE relation a filter of the related object. Keys side by side are ANDed.
 * Field names and operators are checked by `planFilter`, as for REST.
 */
export function filterInputToNode(metadata: WorkspaceMetadata, object: ObjectMetadata, input: Record<string, unknown>): FilterNode {
  if (!isObject(input)) throw invalidFilter("A filter must be an object");
  const children: FilterNode[] = [];
  for (const [key, value] of Object.entries(input)) {
    if ((key === "and" || key === "or" || key === "not") && (value === null || value === undefined)) continue;
    if (key === "and" || key === "or") children.push({ kind: key, children: childrenOf(metadata, object, key, value) });
    else if (key === "not") children.push({ kind: "not", child: filterInputToNode(metadata, object, value as Record<string, unknown>) });
    else children.push(...fieldConditions(metadata, object, key, value));
  }
  return children.length === 1 ? children[0]! : { kind: "and", children };
}

import { AppError } from "../../../errors/app-error.ts";
import { directions, type Direction, type OrderItem } from "../../../query/ast.ts";

const invalidOrderBy = (message: string) => new AppError(400, "INVALID_ORDER_BY", message);

const isDirection = (value: unknown): value is Direction => (directions as readonly unknown[]).includes(value);

/** `{createdAt: Desc…}` → one item; `{name: {firstName: Asc…, lastName: Asc…}}` → one item per sub-field, in order. */
function itemsOf(path: string[], value: unknown): OrderItem[] {
  if (value === null || value === undefined) return [];
  if (isDirection(value)) return [{ path, direction: value }];
  // A sub-field, a field across a relation, or a sub-field across one; the planner checks which.
  if (path.length < 3 && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([subField, direction]) => itemsOf([...path, subField], direction));
  }
  throw invalidOrderBy(`Invalid order by direction ${JSON.stringify(value)} for "${path.join(".")}", expected one of ${directions.join(", ")}`);
}

/**
 * Twenty's `orderBy: [<Object>OrderByInput]`; a lone object is read as a list of one, as GraphQL coerces it.
 * Paths are checked by `planOrder`, which also refuses a composite ordered without a sub-field.
 */
export function orderInputToItems(input: unknown): OrderItem[] {
  if (input === null || input === undefined) return [];
  const entries = Array.isArray(input) ? input : [input];
  return entries.flatMap((entry: unknown) => {
    if (entry === null || entry === undefined) return [];
    if (typeof entry !== "object" || Array.isArray(entry)) throw invalidOrderBy("Each orderBy entry must be an object");
    return Object.entries(entry).flatMap(([key, value]) => itemsOf([key], value));
  });
}

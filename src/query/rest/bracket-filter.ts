import { AppError } from "../../errors/app-error.ts";
import type { FilterNode, FilterOperand } from "../ast.ts";

const key = /^filter\[([^\][]+)\](?:\[([A-Za-z]+)\])?$/;

export function isBracketFilterKey(name: string): boolean {
  return key.test(name);
}

/**
 * The seeds' form: `filter[field][op]=value`, repeated parameters ANDed, `filter[field]=value` meaning eq.
 * List operators take `a,b` or `[a,b]`; values stay text for the planner to type.
 */
export function parseBracketFilters(params: Array<[string, string]>): FilterNode | undefined {
  const conditions: FilterNode[] = [];
  for (const [name, raw] of params) {
    const match = key.exec(name);
    if (!match) continue;
    const operator = match[2] ?? "eq";
    const path = match[1]!.split(".");
    if (path.some((part) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(part))) {
      throw new AppError(400, "INVALID_FILTER", `'${name}' invalid: the field must be a name or name.subField`);
    }
    conditions.push({ kind: "condition", path, operator, value: operand(operator, raw) });
  }
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? conditions[0] : { kind: "and", children: conditions };
}

function operand(operator: string, raw: string): FilterOperand {
  if (operator !== "in" && operator !== "nin" && operator !== "containsAny") return raw;
  const inner = raw.startsWith("[") && raw.endsWith("]") ? raw.slice(1, -1) : raw;
  return inner === "" ? [] : splitItems(inner);
}

/** Comma-separated items; a quoted item may hold commas (`"a,b",c`), its quotes are removed. */
function splitItems(text: string): string[] {
  const items: string[] = [];
  let current = "";
  let quote: string | undefined;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = undefined;
      else current += c;
    } else if ((c === '"' || c === "'") && current.trim() === "") {
      quote = c;
      current = "";
    } else if (c === ",") {
      items.push(current.trim());
      current = "";
    } else current += c;
  }
  items.push(quote ? current : current.trim());
  return items;
}

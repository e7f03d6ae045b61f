import { AppError } from "../../errors/app-error.ts";
import { directions, type Direction, type OrderItem } from "../ast.ts";

const orderError = (direction: string) =>
  new AppError(
    400,
    "INVALID_ORDER_BY",
    `'order_by' direction '${direction}' invalid. Allowed values are 'AscNullsFirst', 'AscNullsLast', 'DescNullsFirst', 'DescNullsLast'. eg: ?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3`,
  );

/** `order_by=field,field2[DescNullsLast],name.lastName[AscNullsLast]`; the default direction is AscNullsFirst. */
export function parseOrderBy(text: string): OrderItem[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "")
    .map((item) => {
      const match = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)(?:\[([^\]]*)\])?$/.exec(item);
      if (!match) throw new AppError(400, "INVALID_ORDER_BY", `'order_by' invalid for '${item}'. eg: ?order_by=field_1[AscNullsFirst],field_2`);
      const direction = match[2] ?? "AscNullsFirst";
      if (!(directions as readonly string[]).includes(direction)) throw orderError(direction);
      return { path: match[1]!.split("."), direction: direction as Direction };
    });
}

const bracketKey = /^order\[([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\]$/;

export function isBracketOrderKey(name: string): boolean {
  return bracketKey.test(name);
}

/** The seeds' form: `order[field]=asc|desc` (asc puts nulls first, desc puts them last, as Postgres does by default). */
export function parseBracketOrder(params: Array<[string, string]>): OrderItem[] {
  const items: OrderItem[] = [];
  for (const [name, value] of params) {
    const match = bracketKey.exec(name);
    if (!match) continue;
    const direction = value.toLowerCase();
    if (direction !== "asc" && direction !== "desc") {
      throw new AppError(400, "INVALID_ORDER_BY", `'${name}' must be asc or desc, not '${value}'`);
    }
    items.push({ path: match[1]!.split("."), direction: direction === "asc" ? "AscNullsFirst" : "DescNullsLast" });
  }
  return items;
}

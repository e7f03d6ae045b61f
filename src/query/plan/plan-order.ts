import { AppError, permissionDenied } from "../../errors/app-error.ts";
import { isCompositeType } from "../../field-types/registry.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import type { RecordAccess } from "../access.ts";
import type { Direction, OrderItem } from "../ast.ts";
import { activeField, resolvePath, type ResolvedPath } from "./resolve-path.ts";

export interface PlannedOrder {
  target: ResolvedPath;
  direction: Direction;
}

/** The requested order (a relation's fields included), then `id` (unique, so every row has one place and cursors are exact). */
export function planOrder(metadata: WorkspaceMetadata, object: ObjectMetadata, items: OrderItem[], access: RecordAccess): PlannedOrder[] {
  const requested = items.map((item): PlannedOrder => {
    const field = activeField(object, item.path[0]!);
    if (field && isCompositeType(field.type) && item.path.length === 1) {
      throw new AppError(
        400,
        "INVALID_ORDER_BY",
        `Composite field "${field.name}" requires subfield ordering (e.g., { ${field.name}: { subFieldName: 'AscNullsFirst' } })`,
      );
    }
    // One MANY_TO_ONE hop, as filters: `{company: {name: AscNullsFirst}}` (Twenty 2.21).
    const target = resolvePath(metadata, object, item.path);
    // Rows ordered by a value one cannot read would reveal it.
    if (!access.canReadPath(object, target)) throw permissionDenied();
    if (target.leaf.typeName === "TS_VECTOR") throw new AppError(400, "INVALID_ORDER_BY", `Field "${target.key}" does not exist or is not sortable`);
    return { target, direction: item.direction };
  });
  // A key already ordered by cannot reorder anything: repeats are dropped, and cost nothing in the cursor condition.
  const planned = requested.filter((order, index) => requested.findIndex((other) => other.target.key === order.target.key) === index);
  if (!planned.some((order) => order.target.column === "id" && !order.target.via)) {
    planned.push({ target: resolvePath(metadata, object, ["id"]), direction: "AscNullsFirst" });
  }
  return planned;
}

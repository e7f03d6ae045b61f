/**
 * The nestjs-query filters Twenty's metadata queries accept (`ObjectFilter`, `FieldFilter`, `IndexFilter`),
 * evaluated over the in-memory metadata: `and`/`or` plus comparisons on a few columns.
 */
export type MetadataFilter = { and?: MetadataFilter[]; or?: MetadataFilter[] } & Record<string, unknown>;

type Comparison = Record<string, unknown>;

function likeToRegExp(pattern: string, flags: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*").replace(/_/g, ".");
  return new RegExp(`^${escaped}$`, flags);
}

function compare(value: unknown, comparison: Comparison): boolean {
  return Object.entries(comparison).every(([op, operand]) => {
    switch (op) {
      case "eq":
        return value === operand;
      case "neq":
        return value !== operand;
      case "gt":
        return String(value) > String(operand);
      case "gte":
        return String(value) >= String(operand);
      case "lt":
        return String(value) < String(operand);
      case "lte":
        return String(value) <= String(operand);
      case "in":
        return Array.isArray(operand) && operand.includes(value);
      case "notIn":
        return Array.isArray(operand) && !operand.includes(value);
      case "like":
        return likeToRegExp(String(operand), "").test(String(value));
      case "notLike":
        return !likeToRegExp(String(operand), "").test(String(value));
      case "iLike":
        return likeToRegExp(String(operand), "i").test(String(value));
      case "notILike":
        return !likeToRegExp(String(operand), "i").test(String(value));
      case "is":
        return operand === null ? value === null || value === undefined : value === operand;
      case "isNot":
        return operand === null ? value !== null && value !== undefined : value !== operand;
      default:
        return true;
    }
  });
}

export function matchesFilter(row: Record<string, unknown>, filter: MetadataFilter | undefined | null): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([key, value]) => {
    if (value === undefined || value === null) return true;
    if (key === "and") return (value as MetadataFilter[]).every((f) => matchesFilter(row, f));
    if (key === "or") return (value as MetadataFilter[]).some((f) => matchesFilter(row, f));
    return compare(row[key], value as Comparison);
  });
}

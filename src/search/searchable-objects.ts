import type { ObjectMetadata } from "../metadata/types.ts";
import type { WorkspaceMetadata } from "../metadata/workspace-metadata.ts";
import type { RecordAccess } from "../query/access.ts";

// Twenty's tie-break between equally ranked records of different objects: the objects people look for most.
const priorities = new Map([
  ["person", 5],
  ["company", 4],
  ["opportunity", 3],
  ["note", 2],
  ["task", 1],
]);

export const searchPriorityOf = (nameSingular: string) => priorities.get(nameSingular) ?? 0;

/**
 * The order of objects among records of equal ranks: priority, then name, so that the merged order is total
 * and a cursor can say which objects' tied records were already returned. Names compare by code units here
 * and reach SQL as integers, so no database collation can disagree.
 */
export function compareSearchObjects(a: string, b: string): number {
  const byPriority = searchPriorityOf(b) - searchPriorityOf(a);
  if (byPriority !== 0) return byPriority;
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface SearchScope {
  included?: readonly string[] | null;
  excluded?: readonly string[] | null;
}

/** The generated search-vector column; objects without one cannot be searched whatever their flag says. */
export function searchVectorFieldOf(object: ObjectMetadata) {
  return object.fields.find((field) => field.type === "TS_VECTOR" && field.name === "searchVector" && field.isActive);
}

/**
 * Objects one search reads, in merge order: searchable, active, with a search vector, readable by the
 * caller (so an object the role cannot read never leaks a label), then narrowed by the caller's lists.
 * Unknown names in the lists are ignored, and an empty `included` list restricts nothing.
 */
export function searchableObjects(metadata: WorkspaceMetadata, access: RecordAccess, scope: SearchScope): ObjectMetadata[] {
  const included = scope.included?.length ? new Set(scope.included) : undefined;
  const excluded = new Set(scope.excluded ?? []);
  return metadata.objects
    .filter((object) => object.isSearchable && object.isActive && searchVectorFieldOf(object))
    .filter((object) => (!included || included.has(object.nameSingular)) && !excluded.has(object.nameSingular))
    .filter((object) => access.can("read", object))
    .sort((a, b) => compareSearchObjects(a.nameSingular, b.nameSingular));
}

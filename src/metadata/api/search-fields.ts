import { standardObjects } from "../standard-objects/index.ts";
import type { ObjectMetadata } from "../types.ts";

const standardSearchFields = new Map(standardObjects.map((definition) => [definition.nameSingular, definition.searchFields ?? []]));

/**
 * Twenty 2.21's `searchFieldMetadataList`: the fields an object's search vector is built from, in order.
 * We keep no rows for them, so each entry takes the id of the field it names (a SearchField is keyed by
 * its own type name in client caches, so the ids do not collide with the Field's).
 */
export function searchFieldsOf(object: ObjectMetadata) {
  const vector = object.fields.find((field) => field.type === "TS_VECTOR");
  if (!vector) return [];
  const names = object.isCustom ? ["name"] : (standardSearchFields.get(object.nameSingular) ?? []);
  return names.flatMap((name, position) => {
    const field = object.fields.find((f) => f.name === name);
    if (!field) return [];
    return [{ id: field.id, fieldMetadataId: field.id, tsVectorFieldMetadataId: vector.id, position, createdAt: vector.createdAt, updatedAt: vector.updatedAt }];
  });
}

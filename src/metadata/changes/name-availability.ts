import { AppError } from "../../errors/app-error.ts";
import { fieldColumns } from "../ddl/object-columns.ts";
import type { FieldMetadata, ObjectMetadata } from "../types.ts";

/**
 * A new field must not reuse a field name of the object nor one of its physical columns (a relation's
 * `<name>Id`, a composite's `<field><SubField>`), and neither may its own columns: two fields would share one.
 */
export function assertFieldNameFree(object: ObjectMetadata, candidate: string | FieldMetadata, exceptFieldId?: string): void {
  const name = typeof candidate === "string" ? candidate : candidate.name;
  const candidateColumns = typeof candidate === "string" ? [] : fieldColumns(candidate, object, "").map((c) => c.name);
  for (const field of object.fields) {
    if (field.id === exceptFieldId) continue;
    if (field.name === name) throw new AppError(400, "FIELD_NAME_NOT_AVAILABLE", `Name "${name}" is not available as it is already used by another field`);
    const taken = new Set([field.name, ...fieldColumns(field, object, "").map((c) => c.name)]);
    for (const wanted of [name, ...candidateColumns]) {
      if (taken.has(wanted)) throw new AppError(400, "FIELD_NAME_NOT_AVAILABLE", `Name "${wanted}" is not available`);
    }
  }
}

import type { FieldMetadata, ObjectMetadata } from "./types.ts";

/** One workspace's objects and fields at one metadata version, indexed the ways requests look them up. */
export class WorkspaceMetadata {
  readonly objectsById = new Map<string, ObjectMetadata>();
  readonly objectsBySingular = new Map<string, ObjectMetadata>();
  readonly objectsByPlural = new Map<string, ObjectMetadata>();
  readonly fieldsById = new Map<string, { object: ObjectMetadata; field: FieldMetadata }>();

  constructor(
    readonly workspaceId: string,
    readonly schemaName: string,
    readonly version: number,
    readonly objects: ObjectMetadata[],
  ) {
    for (const object of objects) {
      this.objectsById.set(object.id, object);
      this.objectsBySingular.set(object.nameSingular, object);
      this.objectsByPlural.set(object.namePlural, object);
      for (const field of object.fields) this.fieldsById.set(field.id, { object, field });
    }
  }

  field(object: ObjectMetadata, name: string): FieldMetadata | undefined {
    return object.fields.find((field) => field.name === name);
  }
}

import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors/app-error.ts";
import { addFieldsToDefaultViews, insertDefaultViews } from "../../views/default-views.ts";
import { baseFields } from "../base-fields.ts";
import { createObjectDdl } from "../ddl/create-object.ts";
import { addFieldDdl } from "../ddl/field-ddl.ts";
import { buildField } from "../field-builder.ts";
import { capitalize, tableNameFor } from "../names.ts";
import { searchVectorExpression } from "../search-vector.ts";
import type { FieldMetadata, ObjectMetadata } from "../types.ts";
import { assertNameSyncedWithLabel, validateObjectNames } from "../validation/metadata-names.ts";
import { validatingMetadata } from "../validation/metadata-validation-error.ts";
import { customObjectDefaultFields, customObjectRelationTargets } from "./custom-object-fields.ts";
import { insertFieldRows, insertObjectRows, insertUniqueIndexRows } from "./insert-rows.ts";
import { changeMetadata } from "./metadata-change.ts";
import { assertFieldNameFree } from "./name-availability.ts";

export interface CreateObjectInput {
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  description?: string | null;
  icon?: string | null;
  shortcut?: string | null;
  color?: string | null;
  skipNameField?: boolean | null;
  isRemote?: boolean | null;
  isLabelSyncedWithName?: boolean | null;
}

/**
 * A custom object: metadata rows, a `_<name>` table with the default fields, and the links from the
 * timeline, favorites, attachments, note and task targets (a CASCADE join column on each), in one change.
 */
export async function createCustomObject(database: Database, workspaceId: string, input: CreateObjectInput): Promise<ObjectMetadata> {
  const id = crypto.randomUUID();
  const entity = { id, nameSingular: String(input.nameSingular ?? ""), namePlural: String(input.namePlural ?? "") };
  return validatingMetadata("objectMetadata", "create", entity, () => createObjectWithId(database, workspaceId, id, input));
}

async function createObjectWithId(database: Database, workspaceId: string, id: string, input: CreateObjectInput): Promise<ObjectMetadata> {
  const names = validateObjectNames(input);
  if (input.isRemote) throw new AppError(400, "REMOTE_OBJECTS_UNSUPPORTED", "Remote objects are not supported");
  // The name field names the records (label identifier) and feeds the search vector.
  if (input.skipNameField) throw new AppError(400, "SKIP_NAME_FIELD_UNSUPPORTED", "Objects without a name field are not supported");
  if (input.isLabelSyncedWithName) {
    assertNameSyncedWithLabel(names.nameSingular, names.labelSingular);
    assertNameSyncedWithLabel(names.namePlural, names.labelPlural);
  }
  return changeMetadata(database, workspaceId, async ({ tx, metadata, ddl }) => {
    for (const name of [names.nameSingular, names.namePlural]) {
      if (metadata.objectsBySingular.has(name) || metadata.objectsByPlural.has(name)) {
        throw new AppError(400, "OBJECT_ALREADY_EXISTS", "Object already exists");
      }
    }
    const now = new Date();
    const fields = [...baseFields, ...customObjectDefaultFields].map((definition, i) => buildField(definition, id, new Date(now.getTime() + i)));
    const object: ObjectMetadata = {
      id,
      standardId: null,
      nameSingular: names.nameSingular,
      namePlural: names.namePlural,
      labelSingular: capitalize(names.labelSingular),
      labelPlural: capitalize(names.labelPlural),
      description: input.description ?? null,
      icon: input.icon ?? null,
      shortcut: input.shortcut ?? null,
      color: input.color ?? null,
      tableName: tableNameFor(names.nameSingular, true),
      isCustom: true,
      isRemote: false,
      isActive: true,
      isSystem: false,
      isUIReadOnly: false,
      isAuditLogged: true,
      isSearchable: true,
      isLabelSyncedWithName: input.isLabelSyncedWithName ?? false,
      duplicateCriteria: null,
      labelIdentifierFieldMetadataId: fields.find((f) => f.name === "name")!.id,
      imageIdentifierFieldMetadataId: null,
      createdAt: now,
      updatedAt: now,
      fields,
    };
    const searchVector = fields.find((f) => f.type === "TS_VECTOR")!;
    searchVector.settings = { generatedType: "STORED", asExpression: searchVectorExpression([fields.find((f) => f.name === "name")!]) };

    const inverseFields: Array<{ target: ObjectMetadata; field: FieldMetadata }> = [];
    for (const targetName of customObjectRelationTargets) {
      const target = metadata.objectsBySingular.get(targetName);
      if (!target) continue;
      assertFieldNameFree(target, object.nameSingular);
      const toMany = buildField(
        { name: target.namePlural, type: "RELATION", label: target.labelPlural, icon: target.icon ?? undefined, isNullable: true, isSystem: true, relation: { type: "ONE_TO_MANY", target: target.nameSingular, inverse: object.nameSingular } },
        object.id,
        now,
      );
      const toOne = buildField(
        { name: object.nameSingular, type: "RELATION", label: object.labelSingular, icon: object.icon ?? undefined, isNullable: true, isSystem: true, relation: { type: "MANY_TO_ONE", target: object.nameSingular, inverse: target.namePlural, onDelete: "CASCADE" } },
        target.id,
        now,
      );
      linkRelation(toMany, toOne, object, target);
      fields.push(toMany);
      inverseFields.push({ target, field: toOne });
    }

    const objectsById = new Map(metadata.objectsById);
    objectsById.set(object.id, object);
    await insertObjectRows(tx, workspaceId, [object]);
    await insertFieldRows(tx, workspaceId, [...fields, ...inverseFields.map((inverse) => inverse.field)]);
    const tableDdl = createObjectDdl(metadata.schemaName, object, objectsById);
    ddl.push(...tableDdl.table, ...tableDdl.constraints);
    for (const inverse of inverseFields) ddl.push(...addFieldDdl(metadata.schemaName, inverse.target, inverse.field, objectsById).statements);
    await insertUniqueIndexRows(tx, workspaceId, tableDdl.uniqueIndexes.map((index) => ({ object, index })));
    await insertDefaultViews(tx, workspaceId, [object]);
    await addFieldsToDefaultViews(tx, workspaceId, inverseFields.map((inverse) => inverse.field));
    return object;
  });
}

/** Points two relation fields at each other (ids of the other side's object and field). */
export function linkRelation(a: FieldMetadata, b: FieldMetadata, aObject: ObjectMetadata, bObject: ObjectMetadata): void {
  a.relationTargetObjectMetadataId = bObject.id;
  a.relationTargetFieldMetadataId = b.id;
  b.relationTargetObjectMetadataId = aObject.id;
  b.relationTargetFieldMetadataId = a.id;
}

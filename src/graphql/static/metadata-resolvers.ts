import { listIndexes, type IndexRow } from "../../metadata/api/index-rows.ts";
import { toConnection, type CursorPaging } from "../../metadata/api/metadata-connection.ts";
import { matchesFilter, type MetadataFilter } from "../../metadata/api/metadata-filter.ts";
import { relationOf } from "../../metadata/api/relation-view.ts";
import { searchFieldsOf } from "../../metadata/api/search-fields.ts";
import { createCustomField, type CreateFieldInput } from "../../metadata/changes/create-field.ts";
import { createCustomObject, type CreateObjectInput } from "../../metadata/changes/create-object.ts";
import { deleteField } from "../../metadata/changes/delete-field.ts";
import { deleteObject } from "../../metadata/changes/delete-object.ts";
import { updateField, type UpdateFieldInput } from "../../metadata/changes/update-field.ts";
import { updateObject, type UpdateObjectInput } from "../../metadata/changes/update-object.ts";
import { AppError } from "../../errors/app-error.ts";
import type { FieldMetadata, ObjectMetadata } from "../../metadata/types.ts";
import { universalIdentifierOf } from "../../metadata/universal-identifier.ts";
import type { GraphQLContext } from "../context.ts";
import { requireSettings, requireWorkspace } from "../guards.ts";
import { applicationIdOf } from "../../workspaces/application-ids.ts";
import { metadataOf, refreshMetadata } from "../workspace-metadata.ts";
import { withMetadataValidationErrors } from "./metadata-validation-graphql.ts";
import { applicationIdsOf } from "./request-application-ids.ts";

type ListArgs = { filter?: MetadataFilter; paging?: CursorPaging };

const allFields = (objects: ObjectMetadata[]) => objects.flatMap((object) => object.fields);

/** 2.21's `isUIEditable`/`isUICreatable` are the positive form of the `isUIReadOnly` we store. */
const uiFlags = (item: { isUIReadOnly: boolean }) => ({ isUIEditable: !item.isUIReadOnly, isUICreatable: !item.isUIReadOnly });
const objectMatches = (filter: MetadataFilter | undefined) => (object: ObjectMetadata) => matchesFilter({ ...object, ...uiFlags(object) } as never, filter);
const fieldMatches = (filter: MetadataFilter | undefined) => (field: FieldMetadata) => matchesFilter({ ...field, ...uiFlags(field) } as never, filter);
const indexesOf = (ctx: GraphQLContext) => listIndexes(ctx.db.http, requireWorkspace(ctx).workspace.id);

/** Mutations change the model, then answer from the new version so nested selections see the change. */
async function mutate<T>(ctx: GraphQLContext, work: (workspaceId: string) => Promise<T>): Promise<T> {
  const { workspace } = requireSettings(ctx, "DATA_MODEL");
  const result = await withMetadataValidationErrors(() => work(workspace.id));
  refreshMetadata(ctx);
  return result;
}

async function freshObject(ctx: GraphQLContext, id: string): Promise<ObjectMetadata> {
  return (await metadataOf(ctx)).objectsById.get(id)!;
}

async function freshField(ctx: GraphQLContext, id: string): Promise<FieldMetadata> {
  return (await metadataOf(ctx)).fieldsById.get(id)!.field;
}

export const metadataResolvers = {
  Query: {
    async objects(_: unknown, { filter, paging }: ListArgs, ctx: GraphQLContext) {
      const { objects } = await metadataOf(ctx);
      return toConnection(objects.filter(objectMatches(filter)), paging);
    },
    async object(_: unknown, { id }: { id: string }, ctx: GraphQLContext) {
      const object = (await metadataOf(ctx)).objectsById.get(id);
      if (!object) throw new AppError(404, "OBJECT_NOT_FOUND", "Object does not exist");
      return object;
    },
    async fields(_: unknown, { filter, paging }: ListArgs, ctx: GraphQLContext) {
      const { objects } = await metadataOf(ctx);
      return toConnection(allFields(objects).filter(fieldMatches(filter)), paging);
    },
    async field(_: unknown, { id }: { id: string }, ctx: GraphQLContext) {
      const found = (await metadataOf(ctx)).fieldsById.get(id);
      if (!found) throw new AppError(404, "FIELD_NOT_FOUND", "Field does not exist");
      return found.field;
    },
    async indexMetadatas(_: unknown, { filter, paging }: ListArgs, ctx: GraphQLContext) {
      return toConnection((await indexesOf(ctx)).filter((i) => matchesFilter(i as never, filter)), paging);
    },
    async index(_: unknown, { id }: { id: string }, ctx: GraphQLContext) {
      const index = (await indexesOf(ctx)).find((i) => i.id === id);
      if (!index) throw new AppError(404, "INDEX_NOT_FOUND", "Index does not exist");
      return index;
    },
  },
  Mutation: {
    async createOneObject(_: unknown, { input }: { input: { object: CreateObjectInput } }, ctx: GraphQLContext) {
      const object = await mutate(ctx, (workspaceId) => createCustomObject(ctx.db, workspaceId, input.object));
      return freshObject(ctx, object.id);
    },
    async updateOneObject(_: unknown, { input }: { input: { id: string; update: UpdateObjectInput } }, ctx: GraphQLContext) {
      await mutate(ctx, (workspaceId) => updateObject(ctx.db, workspaceId, input.id, input.update));
      return freshObject(ctx, input.id);
    },
    deleteOneObject: (_: unknown, { input }: { input: { id: string } }, ctx: GraphQLContext) =>
      mutate(ctx, (workspaceId) => deleteObject(ctx.db, workspaceId, input.id)),
    async createOneField(_: unknown, { input }: { input: { field: CreateFieldInput } }, ctx: GraphQLContext) {
      const field = await mutate(ctx, (workspaceId) => createCustomField(ctx.db, workspaceId, input.field));
      return freshField(ctx, field.id);
    },
    async updateOneField(_: unknown, { input }: { input: { id: string; update: UpdateFieldInput } }, ctx: GraphQLContext) {
      await mutate(ctx, (workspaceId) => updateField(ctx.db, workspaceId, input.id, input.update));
      return freshField(ctx, input.id);
    },
    deleteOneField: (_: unknown, { input }: { input: { id: string } }, ctx: GraphQLContext) =>
      mutate(ctx, (workspaceId) => deleteField(ctx.db, workspaceId, input.id)),
  },
  Object: {
    fields: (object: ObjectMetadata, { filter, paging }: ListArgs) => toConnection(object.fields.filter(fieldMatches(filter)), paging),
    fieldsList: (object: ObjectMetadata) => object.fields,
    async indexMetadatas(object: ObjectMetadata, { filter, paging }: ListArgs, ctx: GraphQLContext) {
      const indexes = (await indexesOf(ctx)).filter((i) => i.objectMetadataId === object.id && matchesFilter(i as never, filter));
      return toConnection(indexes, paging);
    },
    indexMetadataList: async (object: ObjectMetadata, _: unknown, ctx: GraphQLContext) => (await indexesOf(ctx)).filter((i) => i.objectMetadataId === object.id),
    searchFieldMetadataList: (object: ObjectMetadata) => searchFieldsOf(object),
    standardOverrides: () => null,
    universalIdentifier: (object: ObjectMetadata) => universalIdentifierOf(object),
    isUIEditable: (object: ObjectMetadata) => uiFlags(object).isUIEditable,
    isUICreatable: (object: ObjectMetadata) => uiFlags(object).isUICreatable,
    applicationId: async (object: ObjectMetadata, _: unknown, ctx: GraphQLContext) => applicationIdOf(await applicationIdsOf(ctx), object),
  },
  Field: {
    object: async (field: FieldMetadata, _: unknown, ctx: GraphQLContext) => (await metadataOf(ctx)).objectsById.get(field.objectMetadataId) ?? null,
    relation: async (field: FieldMetadata, _: unknown, ctx: GraphQLContext) => relationOf(await metadataOf(ctx), field),
    morphRelations: () => null,
    standardOverrides: () => null,
    universalIdentifier: (field: FieldMetadata) => universalIdentifierOf(field),
    isUIEditable: (field: FieldMetadata) => uiFlags(field).isUIEditable,
    morphId: () => null,
    applicationId: async (field: FieldMetadata, _: unknown, ctx: GraphQLContext) => applicationIdOf(await applicationIdsOf(ctx), field),
  },
  Index: {
    indexFieldMetadataList: (index: IndexRow) => index.indexFieldMetadatas,
    indexFieldMetadatas: (index: IndexRow, { filter, paging }: ListArgs) =>
      toConnection(index.indexFieldMetadatas.filter((f) => matchesFilter(f as never, filter)), paging),
    async objectMetadata(index: IndexRow, { paging }: ListArgs, ctx: GraphQLContext) {
      const object = (await metadataOf(ctx)).objectsById.get(index.objectMetadataId);
      return toConnection(object ? [object] : [], paging);
    },
  },
};

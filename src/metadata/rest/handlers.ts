import type { Context } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { AppError } from "../../errors/app-error.ts";
import { workspaceAuth } from "../../http/require-auth.ts";
import { idCursorPage, type IdCursorQuery } from "../api/id-cursor-page.ts";
import { fieldDto, objectDto } from "../api/rest-dto.ts";
import { createCustomField, type CreateFieldInput } from "../changes/create-field.ts";
import { createCustomObject, type CreateObjectInput } from "../changes/create-object.ts";
import { deleteField } from "../changes/delete-field.ts";
import { deleteObject } from "../changes/delete-object.ts";
import { updateField, type UpdateFieldInput } from "../changes/update-field.ts";
import { updateObject, type UpdateObjectInput } from "../changes/update-object.ts";
import { loadWorkspaceMetadata } from "../load-metadata.ts";
import { getWorkspaceMetadata } from "../metadata-cache.ts";

type Ctx = Context<AppEnv>;

const current = (c: Ctx) => {
  const { workspace } = workspaceAuth(c.var.auth);
  return getWorkspaceMetadata(c.var.db.http, workspace.id, workspace.metadataVersion);
};
const afterChange = async (c: Ctx) => (await loadWorkspaceMetadata(c.var.db.http, workspaceAuth(c.var.auth).workspace.id)).metadata;
const workspaceId = (c: Ctx) => workspaceAuth(c.var.auth).workspace.id;

export const objectHandlers = {
  async list(c: Ctx, query: IdCursorQuery) {
    const metadata = await current(c);
    const { nodes, pageInfo, totalCount } = idCursorPage(metadata.objects, query);
    return c.json({ data: { objects: nodes.map((o) => objectDto(metadata, o)) }, pageInfo, totalCount }, 200);
  },
  async get(c: Ctx, id: string) {
    const metadata = await current(c);
    const object = metadata.objectsById.get(id);
    if (!object) throw new AppError(404, "OBJECT_NOT_FOUND", "Object does not exist");
    return c.json({ data: { object: objectDto(metadata, object) } }, 200);
  },
  async create(c: Ctx, input: CreateObjectInput) {
    const object = await createCustomObject(c.var.db, workspaceId(c), input);
    const metadata = await afterChange(c);
    return c.json({ data: { createOneObject: objectDto(metadata, metadata.objectsById.get(object.id)!) } }, 201);
  },
  async update(c: Ctx, id: string, input: UpdateObjectInput) {
    await updateObject(c.var.db, workspaceId(c), id, input);
    const metadata = await afterChange(c);
    return c.json({ data: { updateOneObject: objectDto(metadata, metadata.objectsById.get(id)!) } }, 200);
  },
  async remove(c: Ctx, id: string) {
    await deleteObject(c.var.db, workspaceId(c), id);
    return c.json({ data: { deleteOneObject: { id } } }, 200);
  },
};

export const fieldHandlers = {
  async list(c: Ctx, query: IdCursorQuery) {
    const metadata = await current(c);
    const { nodes, pageInfo, totalCount } = idCursorPage(metadata.objects.flatMap((o) => o.fields), query);
    return c.json({ data: { fields: nodes.map((f) => fieldDto(metadata, f)) }, pageInfo, totalCount }, 200);
  },
  async get(c: Ctx, id: string) {
    const metadata = await current(c);
    const found = metadata.fieldsById.get(id);
    if (!found) throw new AppError(404, "FIELD_NOT_FOUND", "Field does not exist");
    return c.json({ data: { field: fieldDto(metadata, found.field) } }, 200);
  },
  async create(c: Ctx, input: CreateFieldInput) {
    const field = await createCustomField(c.var.db, workspaceId(c), input);
    const metadata = await afterChange(c);
    return c.json({ data: { createOneField: fieldDto(metadata, metadata.fieldsById.get(field.id)!.field) } }, 201);
  },
  async update(c: Ctx, id: string, input: UpdateFieldInput) {
    await updateField(c.var.db, workspaceId(c), id, input);
    const metadata = await afterChange(c);
    return c.json({ data: { updateOneField: fieldDto(metadata, metadata.fieldsById.get(id)!.field) } }, 200);
  },
  async remove(c: Ctx, id: string) {
    await deleteField(c.var.db, workspaceId(c), id);
    return c.json({ data: { deleteOneField: { id } } }, 200);
  },
};

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, type MemberFixture, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { objectsOf, type ObjectInfo } from "./views-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let other: WorkspaceFixture;
let member: MemberFixture;
let company: ObjectInfo;
let person: ObjectInfo;
const fieldOf = (object: ObjectInfo, name: string) => object.fields.find((f) => f.name === name)!.id;
const base = "/rest/metadata";

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "rest-views");
  other = await createWorkspace(worker, "rest-views-other");
  member = await addMember(worker, ws);
  const objects = await objectsOf(worker, ws);
  company = objects.get("company")!;
  person = objects.get("person")!;
});
afterAll(() => worker?.close());

const call = (path: string, init: { method?: string; body?: unknown; token?: string | null } = {}) =>
  worker.json(`${base}${path}`, { method: init.method ?? "GET", body: init.body, token: init.token === null ? undefined : (init.token ?? ws.accessToken) });

describe("REST /rest/metadata/views (Twenty's T24)", () => {
  it("lists (filtered by object), creates (201), reads, updates, deletes ({success: true}) and then 404s", async () => {
    const listed = await call(`/views?objectMetadataId=${company.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining({ name: "All Companies", key: "INDEX", objectMetadataId: company.id })]);
    const body = { name: "Mine", objectMetadataId: company.id, icon: "IconTable", type: "TABLE", key: "INDEX", position: 0, isCompact: false, openRecordIn: "SIDE_PANEL", visibility: "WORKSPACE" };
    const created = await call("/views", { method: "POST", body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, workspaceId: ws.workspaceId, deletedAt: null, createdAt: expect.any(String) });
    const id = created.body.id;
    expect((await call(`/views/${id}`)).body.name).toBe("Mine");
    const patched = await call(`/views/${id}`, { method: "PATCH", body: { name: "Mine (kanban)", type: "KANBAN", isCompact: true } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id, name: "Mine (kanban)", type: "KANBAN", isCompact: true });
    const all = await call("/views");
    expect(all.body.length).toBeGreaterThan(5);
    expect((await call("/views?viewTypes=KANBAN")).body.map((v: { id: string }) => v.id)).toEqual([id]);
    const both = await call(`/views?objectMetadataId=${company.id}&viewTypes=KANBAN&viewTypes=TABLE`);
    expect(both.status).toBe(200);
    expect(both.body.map((v: { type: string }) => v.type).sort()).toEqual(["KANBAN", "TABLE"]);
    const deleted = await call(`/views/${id}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ success: true });
    expect((await call(`/views/${id}`)).status).toBe(404);
    expect((await call(`/views/${id}`, { method: "DELETE" })).status).toBe(404);
    const missing = await call(`/views/${crypto.randomUUID()}`, { method: "PATCH", body: { name: "x" } });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, messages: ["View not found"], code: "VIEW_NOT_FOUND" });
  });

  it("bad input answers 400 naming the problem", async () => {
    const unknown = await call("/views", { method: "POST", body: { name: "x", objectMetadataId: company.id, icon: "I", colour: "red" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.messages[0]).toContain("colour");
    const badEnum = await call("/views", { method: "POST", body: { name: "x", objectMetadataId: company.id, icon: "I", type: "GRID" } });
    expect(badEnum.status).toBe(400);
    expect(badEnum.body.messages[0]).toContain("type");
    expect((await call("/views", { method: "POST", body: { name: "x", objectMetadataId: company.id } })).status).toBe(400);
    const noObject = await call("/views", { method: "POST", body: { name: "x", objectMetadataId: crypto.randomUUID(), icon: "I" } });
    expect(noObject.body).toMatchObject({ statusCode: 400, messages: ["Object metadata not found"] });
    expect((await call("/views/not-a-uuid")).status).toBe(400);
    expect((await call("/views?objectMetadataId=nope")).status).toBe(400);
    expect((await call("/views?limit=3")).status).toBe(400);
  });
});

describe("REST view parts", () => {
  let viewId: string;
  beforeAll(async () => {
    viewId = (await call("/views", { method: "POST", body: { name: "Parts", objectMetadataId: company.id, icon: "IconList" } })).body.id;
  });

  const cases = () => [
    { resource: "viewFields", create: { fieldMetadataId: fieldOf(company, "name"), position: 0 }, update: { isVisible: false, size: 200 } },
    { resource: "viewFilters", create: { fieldMetadataId: fieldOf(company, "employees"), operand: "GREATER_THAN_OR_EQUAL", value: 10 }, update: { value: 20 } },
    { resource: "viewFilterGroups", create: { logicalOperator: "OR" }, update: { logicalOperator: "AND" } },
    { resource: "viewGroups", create: { fieldValue: "true" }, update: { position: 3 } },
    { resource: "viewSorts", create: { fieldMetadataId: fieldOf(company, "name"), direction: "ASC" }, update: { direction: "DESC" } },
    { resource: "viewFieldGroups", create: { name: "Main" }, update: { name: "Main info" } },
  ];

  it.each(["viewFields", "viewFilters", "viewFilterGroups", "viewGroups", "viewSorts", "viewFieldGroups"])("%s: create, get, list by view, update, delete", async (resource) => {
    const spec = cases().find((c) => c.resource === resource)!;
    const created = await call(`/${resource}`, { method: "POST", body: { viewId, ...spec.create } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ viewId, workspaceId: ws.workspaceId, ...spec.create });
    const id = created.body.id;
    expect((await call(`/${resource}/${id}`)).body.id).toBe(id);
    expect((await call(`/${resource}?viewId=${viewId}`)).body.map((row: { id: string }) => row.id)).toEqual([id]);
    const patched = await call(`/${resource}/${id}`, { method: "PATCH", body: spec.update });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject(spec.update);
    expect((await call(`/${resource}/${id}`, { method: "DELETE" })).body).toEqual({ success: true });
    expect((await call(`/${resource}/${id}`)).status).toBe(404);
    expect((await call(`/${resource}?viewId=${viewId}`)).body).toEqual([]);
  });

  it("bad input: unknown view (404), a field of another object, a bad operand, an unknown body field (400)", async () => {
    const noView = await call("/viewFields", { method: "POST", body: { viewId: crypto.randomUUID(), fieldMetadataId: fieldOf(company, "name") } });
    expect(noView.status).toBe(404);
    expect(noView.body.messages).toEqual(["View not found"]);
    const wrongObject = await call("/viewSorts", { method: "POST", body: { viewId, fieldMetadataId: fieldOf(person, "city") } });
    expect(wrongObject.status).toBe(400);
    expect(wrongObject.body.code).toBe("FIELD_METADATA_NOT_IN_VIEW_OBJECT");
    expect((await call("/viewFilters", { method: "POST", body: { viewId, fieldMetadataId: fieldOf(company, "name"), operand: "LIKE", value: "a" } })).status).toBe(400);
    expect((await call("/viewFilters", { method: "POST", body: { viewId, fieldMetadataId: fieldOf(company, "name") } })).status).toBe(400);
    const extra = await call("/viewGroups", { method: "POST", body: { viewId, fieldValue: "x", colour: "red" } });
    expect(extra.status).toBe(400);
    expect(extra.body.messages[0]).toContain("colour");
    expect((await call(`/viewSorts/${crypto.randomUUID()}`, { method: "PATCH", body: { direction: "ASC" } })).status).toBe(404);
  });

  it("security: no token 401, another workspace 404, a member without VIEWS reads but cannot write", async () => {
    for (const resource of ["views", "viewFields", "viewFilters", "viewFilterGroups", "viewGroups", "viewSorts"]) {
      expect((await call(`/${resource}`, { token: null })).status).toBe(401);
    }
    expect((await call(`/views/${viewId}`, { token: other.accessToken })).status).toBe(404);
    expect((await call(`/views/${viewId}`, { method: "DELETE", token: other.accessToken })).status).toBe(404);
    expect((await call(`/views`, { token: other.accessToken })).body.map((v: { id: string }) => v.id)).not.toContain(viewId);
    expect((await call("/viewFields", { method: "POST", token: other.accessToken, body: { viewId, fieldMetadataId: fieldOf(company, "name") } })).status).toBe(404);
    expect((await call(`/views/${viewId}`, { token: member.accessToken })).status).toBe(200);
    const denied = await call(`/views/${viewId}`, { method: "PATCH", token: member.accessToken, body: { name: "x" } });
    expect(denied.status).toBe(400);
    expect(denied.body).toMatchObject({ messages: ["Entity performing the request does not have permission"], code: "PERMISSION_DENIED" });
    expect((await call("/viewSorts", { method: "POST", token: member.accessToken, body: { viewId, fieldMetadataId: fieldOf(company, "name") } })).status).toBe(400);
    expect((await call(`/views/${viewId}`, { method: "DELETE", token: member.accessToken })).status).toBe(400);
    expect((await call(`/views/${viewId}`, { token: ws.apiKeyToken })).status).toBe(200);
    const byKey = await call("/views", { method: "POST", token: ws.apiKeyToken, body: { name: "By key", objectMetadataId: person.id, icon: "IconKey" } });
    expect(byKey.status).toBe(201);
    expect(byKey.body.createdByUserWorkspaceId).toBeNull();
  });

  it("the metadata OpenAPI document describes the view routes", async () => {
    const doc = await worker.json("/rest/open-api/metadata", { token: ws.accessToken });
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(["/views", "/views/{id}", "/viewFields", "/viewFilters/{id}", "/viewFilterGroups", "/viewGroups", "/viewSorts"]));
  });

  it("the metadata catch-all still answers unknown resources", async () => {
    const res = await call("/viewThings");
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("INVALID_METADATA_PATH");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, type MemberFixture, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let other: WorkspaceFixture;
let member: MemberFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "restmeta");
  other = await createWorkspace(worker, "other");
  member = await addMember(worker, ws);
});
afterAll(() => worker?.close());

describe("REST /rest/metadata/objects and /fields", () => {
  it("lists objects with their fields and Twenty's page info", async () => {
    const res = await worker.json("/rest/metadata/objects", { token: ws.apiKeyToken });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(["data", "pageInfo", "totalCount"]);
    const objects = res.body.data.objects as Array<{ id: string }>;
    expect(res.body.totalCount).toBe(objects.length);
    expect(res.body.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: objects[0]!.id, endCursor: objects.at(-1)!.id });
    const company = res.body.data.objects.find((o: { nameSingular: string }) => o.nameSingular === "company");
    expect(company).toMatchObject({ namePlural: "companies", labelSingular: "Company", isCustom: false, isSystem: false });
    const people = company.fields.find((f: { name: string }) => f.name === "people");
    expect(people.relation).toMatchObject({ type: "ONE_TO_MANY", targetObjectMetadata: { nameSingular: "person" }, targetFieldMetadata: { name: "company" } });
    const paged = await worker.json("/rest/metadata/objects?limit=2", { token: ws.apiKeyToken });
    expect(paged.body.data.objects).toHaveLength(2);
    expect(paged.body.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: objects[0]!.id, endCursor: objects[1]!.id });
    expect(paged.body.totalCount).toBe(objects.length);
    const next = await worker.json(`/rest/metadata/objects?limit=2&starting_after=${paged.body.pageInfo.endCursor}`, { token: ws.apiKeyToken });
    expect(next.body.data.objects.map((o: { id: string }) => o.id)).toEqual([objects[2]!.id, objects[3]!.id]);
    expect(next.body.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true, startCursor: objects[2]!.id });
    const back = await worker.json(`/rest/metadata/objects?limit=2&ending_before=${objects[2]!.id}`, { token: ws.apiKeyToken });
    expect(back.body.data.objects.map((o: { id: string }) => o.id)).toEqual([objects[0]!.id, objects[1]!.id]);
    expect(back.body.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const last = await worker.json(`/rest/metadata/objects?starting_after=${objects.at(-1)!.id}`, { token: ws.apiKeyToken });
    expect(last.body).toMatchObject({ data: { objects: [] }, pageInfo: { hasNextPage: false, startCursor: null, endCursor: null }, totalCount: objects.length });
    const unknown = await worker.json(`/rest/metadata/fields?starting_after=${crypto.randomUUID()}`, { token: ws.apiKeyToken });
    expect(unknown.body.data.fields).toEqual([]);
    expect(unknown.body.totalCount).toBeGreaterThan(100);
  });

  it("creates (201), reads, updates and deletes an object and a field", async () => {
    const created = await worker.json("/rest/metadata/objects", {
      method: "POST",
      token: ws.apiKeyToken,
      body: { nameSingular: "rocket", namePlural: "rockets", labelSingular: "Rocket", labelPlural: "Rockets" },
    });
    expect(created.status).toBe(201);
    const rocket = created.body.data.createOneObject;
    expect(rocket).toMatchObject({ nameSingular: "rocket", isCustom: true });
    const field = await worker.json("/rest/metadata/fields", {
      method: "POST",
      token: ws.apiKeyToken,
      body: { type: "NUMBER", name: "thrust", label: "Thrust", objectMetadataId: rocket.id },
    });
    expect(field.status).toBe(201);
    const fieldId = field.body.data.createOneField.id;
    expect((await worker.json(`/rest/metadata/fields/${fieldId}`, { token: ws.apiKeyToken })).body.data.field.name).toBe("thrust");
    const patched = await worker.json(`/rest/metadata/fields/${fieldId}`, { method: "PATCH", token: ws.apiKeyToken, body: { label: "Max thrust", isActive: false } });
    expect(patched.body.data.updateOneField).toMatchObject({ label: "Max thrust", isActive: false });
    const removed = await worker.json(`/rest/metadata/fields/${fieldId}`, { method: "DELETE", token: ws.apiKeyToken });
    expect(removed.body).toEqual({ data: { deleteOneField: { id: fieldId } } });
    const renamed = await worker.json(`/rest/metadata/objects/${rocket.id}`, { method: "PUT", token: ws.apiKeyToken, body: { labelPlural: "Spaceships" } });
    expect(renamed.body.data.updateOneObject.labelPlural).toBe("Spaceships");
    const gone = await worker.json(`/rest/metadata/objects/${rocket.id}`, { method: "DELETE", token: ws.apiKeyToken });
    expect(gone.body).toEqual({ data: { deleteOneObject: { id: rocket.id } } });
    expect((await worker.json(`/rest/metadata/objects/${rocket.id}`, { token: ws.apiKeyToken })).status).toBe(404);
  });

  it("bad input: Twenty's validation messages, path errors, unknown fields and parameters", async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ["μ", { namePlural: "mus", labelSingular: "Mu", labelPlural: "Mus" }, "Name is not valid: it must start with lowercase letter and contain only alphanumeric letters"],
      ["user", { namePlural: "customUsers", labelSingular: "U", labelPlural: "Us" }, "The name is not available"],
      ["Not_Camel_Case", { namePlural: "notCamelCases", labelSingular: "N", labelPlural: "Ns" }, "Name should be in camelCase; Name is not valid: it must start with lowercase letter and contain only alphanumeric letters"],
      ["test123abc", { namePlural: "testPlural", labelSingular: "T", labelPlural: "Ts" }, "Name should be in camelCase"],
      ["same", { namePlural: "same", labelSingular: "S", labelPlural: "Ss" }, "The singular and plural names cannot be the same for an object"],
      ["company", { namePlural: "companiesTwo", labelSingular: "C", labelPlural: "Cs" }, "Object already exists"],
    ];
    for (const [nameSingular, rest, message] of cases) {
      const res = await worker.json("/rest/metadata/objects", { method: "POST", token: ws.apiKeyToken, body: { nameSingular, ...rest } });
      expect(res.status, nameSingular).toBe(400);
      expect(res.body.messages, nameSingular).toEqual([message]);
      expect(res.body.code, nameSingular).toBe("METADATA_VALIDATION_FAILED");
    }
    const unknownField = await worker.json("/rest/metadata/objects", { method: "POST", token: ws.apiKeyToken, body: { nameSingular: "a", namePlural: "as", labelSingular: "A", labelPlural: "As", hue: "red" } });
    expect(unknownField.body.messages).toEqual(['Unknown field "hue" in request body']);
    const badType = await worker.json("/rest/metadata/fields", { method: "POST", token: ws.apiKeyToken, body: { type: "COLOR", name: "x", label: "X", objectMetadataId: crypto.randomUUID() } });
    expect(badType.status).toBe(400);
    expect(badType.body.messages[0]).toContain('"type"');
    const badParam = await worker.json("/rest/metadata/objects?sort=name", { token: ws.apiKeyToken });
    expect(badParam.body.messages).toEqual(['Unknown parameter "sort" in query parameters']);
    const both = await worker.json("/rest/metadata/objects?starting_after=a&ending_before=b", { token: ws.apiKeyToken });
    expect(both.body.messages).toEqual(["'starting_after' and 'ending_before' cannot be used together."]);
    const badCursor = await worker.json("/rest/metadata/fields?starting_after=abc", { token: ws.apiKeyToken });
    expect([badCursor.status, badCursor.body.messages]).toEqual([400, ["Invalid cursor: abc"]]);
    const path = await worker.json("/rest/metadata/widgets", { token: ws.apiKeyToken });
    expect(path.body.messages).toEqual([`Query path '/rest/metadata/widgets' invalid. Metadata path "widgets" does not exist. Valid examples: /rest/metadata/fields or /rest/metadata/objects`]);
    const noId = await worker.json("/rest/metadata/objects", { method: "DELETE", token: ws.apiKeyToken });
    expect(noId.body.messages).toEqual(["delete object query invalid. Id missing. eg: /rest/metadata/object/0d4389ef-ea9c-4ae8-ada1-1cddc440fb56"]);
    const badId = await worker.json("/rest/metadata/objects/not-a-uuid", { token: ws.apiKeyToken });
    expect(badId.status).toBe(400);
  });

  it("security: no token 401, members cannot change the model, other workspaces' ids are not found", async () => {
    expect((await worker.json("/rest/metadata/objects")).status).toBe(401);
    expect((await worker.json("/rest/metadata/objects", { token: member.accessToken })).status).toBe(200);
    const denied = await worker.json("/rest/metadata/objects", {
      method: "POST",
      token: member.accessToken,
      body: { nameSingular: "secret", namePlural: "secrets", labelSingular: "Secret", labelPlural: "Secrets" },
    });
    expect(denied.status).toBe(400);
    expect(denied.body.messages).toEqual(["Entity performing the request does not have permission"]);
    const theirs = await worker.json("/rest/metadata/objects", { token: other.apiKeyToken });
    const theirCompany = theirs.body.data.objects.find((o: { nameSingular: string }) => o.nameSingular === "company");
    expect((await worker.json(`/rest/metadata/objects/${theirCompany.id}`, { token: ws.apiKeyToken })).status).toBe(404);
    const patch = await worker.json(`/rest/metadata/objects/${theirCompany.id}`, { method: "PATCH", token: ws.apiKeyToken, body: { labelSingular: "Hacked" } });
    expect(patch.status).toBe(404);
    const field = theirCompany.fields[0];
    expect((await worker.json(`/rest/metadata/fields/${field.id}`, { method: "DELETE", token: ws.apiKeyToken })).status).toBe(404);
  });
});

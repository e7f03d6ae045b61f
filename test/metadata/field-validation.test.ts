import { MetadataApiClient } from "twenty-client-sdk/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let ids: Record<string, string>;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "fields");
  const objects = await gql(worker, `{ objects(paging: { first: 100 }) { edges { node { id nameSingular } } } }`, {}, { token: ws.accessToken });
  ids = Object.fromEntries(objects.data.objects.edges.map((e: { node: { id: string; nameSingular: string } }) => [e.node.nameSingular, e.node.id]));
});
afterAll(() => worker?.close());

const createField = (field: Record<string, unknown>, token = ws.accessToken) =>
  gql(worker, `mutation($f: CreateFieldInput!) { createOneField(input: { field: $f }) { id name } }`, { f: field }, { token });
type Failure = { errors: Array<{ message: string }> };
/** The rule a refused definition broke: inside Twenty 2.21's METADATA_VALIDATION_FAILED, else the error itself. */
const ruleOf = (error: { message: string; extensions?: { code?: string; errors?: Record<string, Failure[]> } } | undefined) =>
  error?.extensions?.code === "METADATA_VALIDATION_FAILED"
    ? Object.values(error.extensions.errors!).flat().flatMap((failure) => failure.errors.map((issue) => issue.message)).join("; ")
    : error?.message;
const errorOf = async (field: Record<string, unknown>) => ruleOf((await createField(field)).errors?.[0]);

describe("createOneField refuses bad definitions with Twenty's messages", () => {
  it("select options", async () => {
    const base = { type: "SELECT", name: "tier", label: "Tier", objectMetadataId: ids.company };
    expect(await errorOf({ ...base })).toBe("Options are required for enum fields");
    expect(await errorOf({ ...base, options: [{ label: "Gold", value: "gold" }] })).toBe('Value must be in UPPER_CASE and follow snake_case "gold"');
    expect(await errorOf({ ...base, options: [{ label: "A,B", value: "A" }] })).toBe("Label must not contain a comma");
    expect(await errorOf({ ...base, options: [{ value: "A" }] })).toBe("Option label is required");
    expect(await errorOf({ ...base, options: [{ label: "A", value: "A" }, { label: "B", value: "A" }] })).toBe("Duplicated option value");
    expect(await errorOf({ ...base, options: [{ id: "nope", label: "A", value: "A" }] })).toBe("Option id is invalid");
    expect(await errorOf({ ...base, options: [{ label: "A", value: "A" }], defaultValue: "A" })).toBe("Default value should be as quoted string");
    expect(await errorOf({ ...base, options: [{ label: "A", value: "A" }], defaultValue: "'B'" })).toBe('Default value "B" must be one of the option values');
  });

  it("types, names and defaults", async () => {
    const on = { objectMetadataId: ids.company };
    expect(await errorOf({ ...on, type: "TS_VECTOR", name: "search2", label: "S" })).toBe("TS Vector is not supported for field creation");
    expect(await errorOf({ ...on, type: "TEXT", name: "name", label: "Name" })).toBe('Name "name" is not available as it is already used by another field');
    expect(await errorOf({ ...on, type: "TEXT", name: "accountOwnerId", label: "X" })).toBe('Name "accountOwnerId" is not available');
    expect(await errorOf({ ...on, type: "TEXT", name: "addressAddressCity", label: "X" })).toBe('Name "addressAddressCity" is not available');
    expect(await errorOf({ ...on, type: "TEXT", name: "testField", label: "Different Label", isLabelSyncedWithName: true })).toBe("Name is not synced with label");
    expect(await errorOf({ ...on, type: "NUMBER", name: "score", label: "Score", defaultValue: "ten" })).toBe("Default value should be a number");
    expect(await errorOf({ ...on, type: "BOOLEAN", name: "vip", label: "VIP", isUnique: true })).toBe("BOOLEAN fields cannot be unique");
    expect(await errorOf({ ...on, type: "TEXT", name: "user", label: "U" })).toBe("The name is not available");
    expect(await errorOf({ ...on, objectMetadataId: crypto.randomUUID(), type: "TEXT", name: "x", label: "X" })).toBe("Object metadata does not exist");
    const synced = await createField({ ...on, type: "TEXT", name: "testField", label: "Test Field", isLabelSyncedWithName: true });
    expect(synced.data.createOneField.name).toBe("testField");
  });

  it("relations", async () => {
    const relation = (payload: Record<string, unknown>, name = "mentor", objectMetadataId = ids.person) =>
      errorOf({ type: "RELATION", name, label: "Mentor", objectMetadataId, relationCreationPayload: payload });
    expect(await relation({ type: "MANY_TO_ONE", targetObjectMetadataId: crypto.randomUUID(), targetFieldLabel: "Mentees" })).toBe(
      "Object metadata relation target not found for relation creation payload",
    );
    expect(await relation({ type: "MANY_TO_ONE", targetObjectMetadataId: ids.person, targetFieldLabel: "Mentor" })).toBe('Name "mentor" cannot be the same on both side of the relation');
    expect(await relation({ type: "MANY_TO_ONE", targetObjectMetadataId: ids.company, targetFieldLabel: "People" })).toBe('Name "people" is not available as it is already used by another field');
    const self = await createField({ type: "RELATION", name: "manager", label: "Manager", objectMetadataId: ids.person, relationCreationPayload: { type: "MANY_TO_ONE", targetObjectMetadataId: ids.person, targetFieldLabel: "Reports" } });
    expect(self.errors).toBeUndefined();
    const field = await gql(worker, `query($id: UUID!) { field(id: $id) { settings relation { type targetFieldMetadata { name } } } }`, { id: self.data.createOneField.id }, { token: ws.accessToken });
    expect(field.data.field).toEqual({ settings: { relationType: "MANY_TO_ONE", onDelete: "SET_NULL", joinColumnName: "managerId" }, relation: { type: "MANY_TO_ONE", targetFieldMetadata: { name: "reports" } } });
    const oneToMany = await createField({ type: "RELATION", name: "projects", label: "Projects", objectMetadataId: ids.company, relationCreationPayload: { type: "ONE_TO_MANY", targetObjectMetadataId: ids.opportunity, targetFieldLabel: "sponsor" } });
    const inverse = await gql(worker, `query($id: UUID!) { field(id: $id) { relation { targetFieldMetadata { name settings } } } }`, { id: oneToMany.data.createOneField.id }, { token: ws.accessToken });
    expect(inverse.data.field.relation.targetFieldMetadata).toEqual({ name: "sponsor", settings: { relationType: "MANY_TO_ONE", onDelete: "SET_NULL", joinColumnName: "sponsorId" } });
  });

  it("standard objects and fields cannot be deleted; the label identifier cannot be deactivated", async () => {
    const company = await gql(worker, `query($id: UUID!) { object(id: $id) { labelIdentifierFieldMetadataId fieldsList { id name } } }`, { id: ids.company }, { token: ws.accessToken });
    const employees = company.data.object.fieldsList.find((f: { name: string }) => f.name === "employees");
    const deleteField = await gql(worker, `mutation($id: UUID!) { deleteOneField(input: { id: $id }) { id } }`, { id: employees.id }, { token: ws.accessToken });
    expect(deleteField.errors?.[0]?.message).toBe("Standard Fields can't be deleted");
    const deleteObject = await gql(worker, `mutation($id: UUID!) { deleteOneObject(input: { id: $id }) { id } }`, { id: ids.company }, { token: ws.accessToken });
    expect(deleteObject.errors?.[0]?.message).toBe("Standard objects can't be deleted");
    const deactivate = await gql(worker, `mutation($id: UUID!) { updateOneField(input: { id: $id, update: { isActive: false } }) { id } }`, { id: company.data.object.labelIdentifierFieldMetadataId }, { token: ws.accessToken });
    expect(ruleOf(deactivate.errors?.[0])).toBe("The label identifier field cannot be deactivated");
    const rename = await gql(worker, `mutation($id: UUID!) { updateOneField(input: { id: $id, update: { name: "staff" } }) { id } }`, { id: employees.id }, { token: ws.accessToken });
    expect(ruleOf(rename.errors?.[0])).toBe("Standard field names cannot be changed");
  });

  it("unique fields get an index that indexMetadatas lists", async () => {
    const created = await createField({ type: "EMAILS", name: "billingEmail", label: "Billing email", objectMetadataId: ids.company, isUnique: true });
    const fieldId = created.data.createOneField.id;
    const indexes = await gql(worker, `{ indexMetadatas(paging: { first: 100 }) { edges { node { name isUnique indexWhereClause indexFieldMetadataList { fieldMetadataId } objectMetadata { edges { node { nameSingular } } } } } } }`, {}, { token: ws.accessToken });
    const index = indexes.data.indexMetadatas.edges.map((e: { node: unknown }) => e.node).find((n: { indexFieldMetadataList: Array<{ fieldMetadataId: string }> }) => n.indexFieldMetadataList[0]?.fieldMetadataId === fieldId);
    expect(index).toMatchObject({ isUnique: true, indexWhereClause: '"deletedAt" IS NULL', objectMetadata: { edges: [{ node: { nameSingular: "company" } }] } });
    expect(index.name).toMatch(/^IDX_UNIQUE_/);
  });

  it("security: members, API keys without DATA_MODEL and anonymous callers cannot change the model", async () => {
    const member = await addMember(worker, ws);
    const denied = await createField({ type: "TEXT", name: "secret", label: "Secret", objectMetadataId: ids.company }, member.accessToken);
    expect(denied.errors?.[0]).toMatchObject({ message: "Entity performing the request does not have permission", extensions: { code: "FORBIDDEN" } });
    const anonymous = await gql(worker, `{ objects { edges { node { id } } } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const reads = await gql(worker, `{ objects(paging: { first: 1 }) { edges { node { id } } } }`, {}, { token: member.accessToken });
    expect(reads.data.objects.edges).toHaveLength(1);
  });
});

describe("twenty-client-sdk MetadataApiClient against the running Worker", () => {
  it("lists objects and creates a field", async () => {
    const client = new MetadataApiClient({ url: new URL("/metadata", worker.url).href, headers: { Authorization: `Bearer ${ws.apiKeyToken}` } });
    const listed = await client.query({ objects: { __args: { paging: { first: 100 }, filter: {} }, edges: { node: { id: true, nameSingular: true, fieldsList: { name: true } } } } });
    const names = listed.objects.edges.map((edge) => edge.node.nameSingular);
    expect(names).toEqual(expect.arrayContaining(["company", "person", "opportunity"]));
    const created = await client.mutation({
      createOneField: { __args: { input: { field: { objectMetadataId: ids.opportunity!, type: "TEXT", name: "source", label: "Source" } } }, id: true, name: true, type: true },
    });
    expect(created.createOneField).toMatchObject({ name: "source", type: "TEXT" });
  });
});

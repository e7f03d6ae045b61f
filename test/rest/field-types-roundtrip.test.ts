import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let objectId: string;
const rest = (path: string, init: Parameters<TestWorker["json"]>[1] = {}) => worker.json(path, { token: ws.apiKeyToken, ...init });
const graphql = (query: string, variables: Record<string, unknown> = {}) => gql(worker, query, variables, { token: ws.apiKeyToken, endpoint: "/graphql" });
const option = (value: string, position: number) => ({ label: value, value, position, color: "blue" });
const fileId = "6f1d8a7e-4f4b-4c55-9b0a-0b1c2d3e4f50";

/** One field per type of 2.21's FieldMetadataType, a value to write and what reads back (REST and GraphQL). */
const cases: Array<{ type: string; name: string; extra?: Record<string, unknown>; value: unknown; read: unknown; selection?: string }> = [
  { type: "TEXT", name: "textF", value: "hello", read: "hello" },
  { type: "NUMBER", name: "numberF", value: 4.5, read: 4.5 },
  { type: "NUMERIC", name: "numericF", value: 12.25, read: 12.25 },
  { type: "BOOLEAN", name: "booleanF", value: true, read: true },
  { type: "DATE_TIME", name: "dateTimeF", value: "2025-03-04T05:06:07.000Z", read: "2025-03-04T05:06:07.000Z" },
  { type: "DATE", name: "dateF", value: "2025-03-04", read: "2025-03-04" },
  { type: "UUID", name: "uuidF", value: fileId, read: fileId },
  { type: "RAW_JSON", name: "rawJsonF", value: { a: [1, 2] }, read: { a: [1, 2] } },
  { type: "ARRAY", name: "arrayF", value: ["x", "y"], read: ["x", "y"] },
  { type: "SELECT", name: "selectF", extra: { options: [option("ALPHA", 0), option("BETA", 1)] }, value: "BETA", read: "BETA" },
  { type: "MULTI_SELECT", name: "multiSelectF", extra: { options: [option("ALPHA", 0), option("BETA", 1)] }, value: ["ALPHA", "BETA"], read: ["ALPHA", "BETA"] },
  { type: "RATING", name: "ratingF", extra: { options: [option("RATING_1", 0), option("RATING_2", 1)] }, value: "RATING_2", read: "RATING_2" },
  { type: "POSITION", name: "positionF", value: 3, read: 3 },
  { type: "CURRENCY", name: "currencyF", value: { amountMicros: 1500000, currencyCode: "EUR" }, read: { amountMicros: 1500000, currencyCode: "EUR" }, selection: "{ amountMicros currencyCode }" },
  { type: "FULL_NAME", name: "fullNameF", value: { firstName: "Ada", lastName: "Lovelace" }, read: { firstName: "Ada", lastName: "Lovelace" }, selection: "{ firstName lastName }" },
  { type: "ADDRESS", name: "addressF", value: { addressCity: "Paris" }, read: { addressCity: "Paris", addressStreet1: "" }, selection: "{ addressCity addressStreet1 }" },
  { type: "LINKS", name: "linksF", value: { primaryLinkUrl: "acme.com" }, read: { primaryLinkUrl: "acme.com", secondaryLinks: [] }, selection: "{ primaryLinkUrl secondaryLinks }" },
  { type: "EMAILS", name: "emailsF", value: { primaryEmail: "Ada@Example.com", additionalEmails: ["b@example.com"] }, read: { primaryEmail: "ada@example.com", additionalEmails: ["b@example.com"] }, selection: "{ primaryEmail additionalEmails }" },
  { type: "PHONES", name: "phonesF", value: { primaryPhoneNumber: "612345678", primaryPhoneCallingCode: "+33" }, read: { primaryPhoneNumber: "612345678", primaryPhoneCallingCode: "+33" }, selection: "{ primaryPhoneNumber primaryPhoneCallingCode }" },
  { type: "RICH_TEXT", name: "richTextF", value: { markdown: "**bold**" }, read: { markdown: "**bold**" }, selection: "{ markdown blocknote }" },
  { type: "RICH_TEXT_V2", name: "richTextV2F", value: { markdown: "plain" }, read: { markdown: "plain" }, selection: "{ markdown blocknote }" },
  { type: "ACTOR", name: "actorF", value: { source: "API" }, read: { source: "API" }, selection: "{ source }" },
  {
    type: "FILES",
    name: "filesF",
    value: [{ fileId, label: "Report.PDF" }],
    read: [{ fileId, label: "Report.PDF", extension: ".pdf", url: null }],
    selection: "{ fileId label extension url }",
  },
];

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "field-types");
  const object = await gql(worker, `mutation { createOneObject(input: { object: { nameSingular: "gadget", namePlural: "gadgets", labelSingular: "Gadget", labelPlural: "Gadgets" } }) { id } }`, {}, { token: ws.accessToken });
  objectId = object.data.createOneObject.id;
});
afterAll(() => worker?.close());

describe("every 2.21 field type is creatable and round-trips", () => {
  it("creates a field of each type (createOneField; FILES over REST metadata until the static enum lists it)", async () => {
    for (const { type, name, extra } of cases) {
      const field = { type, name, label: name, objectMetadataId: objectId, ...extra };
      if (type === "FILES") {
        const res = await rest("/rest/metadata/fields", { method: "POST", body: field });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        continue;
      }
      const res = await gql(worker, `mutation($f: CreateFieldInput!) { createOneField(input: { field: $f }) { id type } }`, { f: field }, { token: ws.accessToken });
      expect(res.errors, type).toBeUndefined();
      expect(res.data.createOneField.type).toBe(type);
    }
    const relation = await gql(
      worker,
      `mutation($f: CreateFieldInput!) { createOneField(input: { field: $f }) { id type } }`,
      { f: { type: "RELATION", name: "owner", label: "Owner", objectMetadataId: objectId, relationCreationPayload: { type: "MANY_TO_ONE", targetObjectMetadataId: await companyObjectId(), targetFieldLabel: "Gadgets", targetFieldIcon: "IconBox" } } },
      { token: ws.accessToken },
    );
    expect(relation.errors).toBeUndefined();
  });

  it("writes every value over REST and reads it back over REST and GraphQL", async () => {
    const company = (await rest("/rest/companies", { method: "POST", body: { name: "Acme" } })).body.data.createCompany.id;
    const body = Object.fromEntries(cases.map(({ name, value }) => [name, value]));
    const created = await rest("/rest/gadgets", { method: "POST", body: { ...body, ownerId: company } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.createGadget.id;
    const read = (await rest(`/rest/gadgets/${id}`)).body.data.gadget;
    for (const { name, read: expected } of cases) expect(read[name], name).toMatchObject(expected as object);
    expect(read.ownerId).toBe(company);
    const selection = cases.map(({ name, selection }) => `${name} ${selection ?? ""}`).join(" ");
    const viaGraphQL = await graphql(`query($id: UUID!) { gadget(filter: { id: { eq: $id } }) { ${selection} owner { id } } }`, { id });
    expect(viaGraphQL.errors, JSON.stringify(viaGraphQL.errors)).toBeUndefined();
    for (const { name, read: expected } of cases) expect(viaGraphQL.data.gadget[name], name).toMatchObject(expected as object);
    expect(viaGraphQL.data.gadget.owner.id).toBe(company);
    expect(read.richTextF.blocknote).toContain("bold");
  });

  it("writes every value over GraphQL and reads it back over REST", async () => {
    const data = Object.fromEntries(cases.map(({ name, value }) => [name, value]));
    const created = await graphql(`mutation($d: GadgetCreateInput!) { createGadget(data: $d) { id filesF { fileId label extension url } richTextF { markdown } } }`, { d: data });
    expect(created.errors).toBeUndefined();
    expect(created.data.createGadget.filesF).toEqual([{ fileId, label: "Report.PDF", extension: ".pdf", url: null }]);
    const read = (await rest(`/rest/gadgets/${created.data.createGadget.id}`)).body.data.gadget;
    for (const { name, read: expected } of cases) expect(read[name], name).toMatchObject(expected as object);
  });

  it("serves 2.21's GraphQL types for FILES and RICH_TEXT", async () => {
    const res = await graphql(`{ files: __type(name: "FileObject") { fields { name } } rich: __type(name: "RichText") { fields { name } } input: __type(name: "GadgetCreateInput") { inputFields { name type { kind name ofType { name } } } } }`);
    expect(res.data.files.fields.map((f: { name: string }) => f.name)).toEqual(["fileId", "label", "extension", "url"]);
    expect(res.data.rich.fields.map((f: { name: string }) => f.name)).toEqual(["blocknote", "markdown"]);
    const inputs = Object.fromEntries(res.data.input.inputFields.map((f: { name: string; type: { name: string | null; ofType: { name: string } | null } }) => [f.name, f.type.name ?? `[${f.type.ofType?.name}]`]));
    expect(inputs).toMatchObject({ filesF: "[FileItemInput]", richTextF: "RichTextCreateInput", richTextV2F: "RichTextCreateInput" });
  });

  it("documents FILES and RICH_TEXT in OpenAPI with 2.21's names", async () => {
    const doc = (await rest("/rest/open-api/core")).body;
    const gadget = doc.components.schemas.Gadget.properties;
    expect(gadget.filesF).toEqual({ type: "array", items: { $ref: "#/components/schemas/FileObject" } });
    expect(doc.components.schemas.FileObject.properties).toMatchObject({ fileId: { type: "string", format: "uuid" }, label: { type: "string" } });
    expect(doc.components.schemas.GadgetForCreate.properties.filesF).toEqual({ type: "array", items: { $ref: "#/components/schemas/FileItemInput" } });
    expect(doc.components.schemas.FileItemInput.required).toEqual(["fileId", "label"]);
    expect(JSON.stringify(gadget.richTextF)).toContain("#/components/schemas/RichText");
    expect(JSON.stringify(gadget.richTextV2F)).toContain("#/components/schemas/RichText");
  });

  it("an emptied file list reads [] and counts as empty", async () => {
    const id = (await rest("/rest/gadgets", { method: "POST", body: { filesF: [{ fileId, label: "a.txt" }] } })).body.data.createGadget.id;
    const emptied = await rest(`/rest/gadgets/${id}`, { method: "PATCH", body: { filesF: [] } });
    expect(emptied.body.data.updateGadget.filesF).toEqual([]);
    const empty = await rest(`/rest/gadgets?filter=${encodeURIComponent(`and(id[eq]:${id},filesF[is]:NULL)`)}`);
    expect(empty.body.data.gadgets.map((g: { id: string }) => g.id)).toEqual([id]);
  });

  it("refuses malformed file lists, naming the field", async () => {
    const shape = 'It should be an array of objects with "fileId" and "label" properties.';
    const bad: Array<[unknown, string]> = [
      ["x", `Invalid value "'x'" for FILES field "filesF" - ${shape}`],
      [[{ fileId: "nope", label: "a.pdf" }], `Invalid UUID value 'nope' for field "filesF.0.fileId"`],
      [[{ fileId, label: 3 }], `Invalid value "${JSON.stringify([{ fileId, label: 3 }])}" for FILES field "filesF" - 0.label: expected a non-empty string`],
      [[{ fileId, label: "a.pdf", extension: ".exe" }], `Invalid value "${JSON.stringify([{ fileId, label: "a.pdf", extension: ".exe" }])}" for FILES field "filesF" - 0: Unrecognized key: "extension"`],
    ];
    for (const [filesF, message] of bad) {
      const res = await rest("/rest/gadgets", { method: "POST", body: { filesF } });
      expect(res.status).toBe(400);
      expect(res.body.messages).toEqual([message]);
    }
  });
});

async function companyObjectId(): Promise<string> {
  const res = await gql(worker, `{ objects(paging: { first: 100 }) { edges { node { id nameSingular } } } }`, {}, { token: ws.accessToken });
  return res.data.objects.edges.find((e: { node: { nameSingular: string } }) => e.node.nameSingular === "company").node.id;
}

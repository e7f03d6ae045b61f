import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
const rest = (path: string, init: Parameters<TestWorker["json"]>[1] = {}) => worker.json(path, { token: ws.apiKeyToken, ...init });
const graphql = (query: string, variables: Record<string, unknown> = {}) => gql(worker, query, variables, { token: ws.apiKeyToken, endpoint: "/graphql" });

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "input-messages");
  const object = await gql(worker, `mutation { createOneObject(input: { object: { nameSingular: "probe", namePlural: "probes", labelSingular: "Probe", labelPlural: "Probes" } }) { id } }`, {}, { token: ws.accessToken });
  const objectMetadataId = object.data.createOneObject.id;
  const fields = [
    { type: "NUMBER", name: "weight" },
    { type: "BOOLEAN", name: "active" },
    { type: "DATE_TIME", name: "seenAt" },
    { type: "DATE", name: "bornOn" },
    { type: "UUID", name: "ref" },
    { type: "SELECT", name: "tier", options: [{ label: "Gold", value: "GOLD", position: 0, color: "yellow" }] },
    { type: "FULL_NAME", name: "owner" },
    { type: "EMAILS", name: "contact" },
    { type: "CURRENCY", name: "cost" },
    { type: "ARRAY", name: "aliases" },
    { type: "LINKS", name: "site" },
  ];
  for (const field of fields) {
    const res = await gql(worker, `mutation($f: CreateFieldInput!) { createOneField(input: { field: $f }) { id } }`, { f: { ...field, label: field.name, objectMetadataId } }, { token: ws.accessToken });
    expect(res.errors).toBeUndefined();
  }
});
afterAll(() => worker?.close());

const refusals: Array<[Record<string, unknown>, string]> = [
  [{ name: 1 }, 'Invalid string value 1 for text field "name"'],
  [{ name: ["a"] }, 'Invalid string value ["a"] for text field "name"'],
  [{ weight: "heavy" }, `Invalid number value 'heavy' for field "weight"`],
  [{ weight: true }, 'Invalid number value true for field "weight"'],
  [{ active: "yes" }, `Invalid boolean value 'yes' for field "active"`],
  [{ seenAt: "yesterday" }, `Invalid value 'yesterday' for date or date-time field "seenAt"`],
  [{ seenAt: 1 }, 'Invalid value 1 for date or date-time field "seenAt"'],
  [{ bornOn: "2025-02-30" }, `Invalid value '2025-02-30' for date or date-time field "bornOn"`],
  [{ ref: "x" }, `Invalid UUID value 'x' for field "ref"`],
  [{ ref: 1 }, 'Invalid UUID value 1 for field "ref"'],
  [{ id: "nope" }, `Invalid UUID value 'nope' for field "id"`],
  [{ tier: 1 }, 'Invalid string value 1 for text field "tier"'],
  [{ tier: "BRONZE" }, 'Invalid value "BRONZE" for field "tier". Valid values are: GOLD'],
  [{ owner: "Ada" }, `Invalid object value 'Ada' for field "owner"`],
  [{ owner: { firstName: 2 } }, 'Invalid string value 2 for text field "owner.firstName"'],
  [{ cost: { amountMicros: "lots" } }, `Invalid number value 'lots' for field "cost.amountMicros"`],
  [{ aliases: ["a", 2] }, 'Invalid string value 2 for text field "aliases"'],
  [{ site: { primaryLinkUrl: 3 } }, 'Invalid string value 3 for text field "site.primaryLinkUrl"'],
  [{ site: { secondaryLinks: "x.com" } }, `Invalid array value 'x.com' for field "site.secondaryLinks" - It should be a list of {url, label}`],
  [{ contact: { primaryEmail: "not-an-email" } }, `Invalid email value 'not-an-email' for field "contact.primaryEmail"`],
  [{ contact: { primaryEmail: "a@b" } }, `Invalid email value 'a@b' for field "contact.primaryEmail"`],
  [{ contact: { additionalEmails: ["ok@example.com", "bad email@example.com"] } }, `Invalid email value 'bad email@example.com' for field "contact.additionalEmails"`],
  [{ contact: { additionalEmails: "ok@example.com" } }, `Invalid array value 'ok@example.com' for field "contact.additionalEmails"`],
];

describe("record input refusals name the field, in Twenty 2.21's words", () => {
  it.each(refusals)("REST create %j", async (body, message) => {
    const res = await rest("/rest/probes", { method: "POST", body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: "BadRequestException", messages: [message] });
  });

  it("REST update refuses the same way, and nothing is written", async () => {
    const id = (await rest("/rest/probes", { method: "POST", body: { name: "ok", contact: { primaryEmail: "ok@example.com" } } })).body.data.createProbe.id;
    const res = await rest(`/rest/probes/${id}`, { method: "PATCH", body: { name: "changed", contact: { primaryEmail: "nope" } } });
    expect(res.body.messages).toEqual([`Invalid email value 'nope' for field "contact.primaryEmail"`]);
    expect((await rest(`/rest/probes/${id}`)).body.data.probe).toMatchObject({ name: "ok", contact: { primaryEmail: "ok@example.com" } });
  });

  it("the default caps leave room for large values (300 KB of text)", async () => {
    const res = await rest("/rest/probes", { method: "POST", body: { name: "z".repeat(300_000) } });
    expect(res.status).toBe(201);
    expect(res.body.data.createProbe.name).toHaveLength(300_000);
  });

  it("valid emails are kept, lower-cased", async () => {
    const res = await rest("/rest/probes", { method: "POST", body: { contact: { primaryEmail: " Ada.Lovelace+crm@Example.co.uk ", additionalEmails: ["B@x.io"] } } });
    expect(res.status).toBe(201);
    expect(res.body.data.createProbe.contact).toEqual({ primaryEmail: "ada.lovelace+crm@example.co.uk", additionalEmails: ["b@x.io"] });
  });

  it("GraphQL: values under loose scalars (JSON) reach the same validation, as BAD_USER_INPUT", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ contact: { additionalEmails: ["nope"] } }, `Invalid email value 'nope' for field "contact.additionalEmails"`],
      [{ contact: { primaryEmail: "nope" } }, `Invalid email value 'nope' for field "contact.primaryEmail"`],
      [{ aliases: ["a"], tier: "GOLD", contact: { additionalEmails: "x" } }, `Invalid array value 'x' for field "contact.additionalEmails"`],
    ];
    for (const [data, message] of cases) {
      const res = await graphql(`mutation($d: ProbeCreateInput!) { createProbe(data: $d) { id } }`, { d: data });
      expect(res.errors?.[0]?.message).toBe(message);
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    const update = await graphql(`mutation($d: ProbeUpdateInput!) { updateProbes(filter: { name: { eq: "ok" } }, data: $d) { id } }`, { d: { contact: { primaryEmail: "still not" } } });
    expect(update.errors?.[0]?.message).toBe(`Invalid email value 'still not' for field "contact.primaryEmail"`);
  });

  it("GraphQL: a wrong scalar is refused as BAD_USER_INPUT, never a 5xx", async () => {
    const res = await graphql(`mutation($d: ProbeCreateInput!) { createProbe(data: $d) { id } }`, { d: { weight: "heavy" } });
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.message).toContain("weight");
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("a duplicate id answers A duplicate entry was detected (REST and GraphQL)", async () => {
    const id = crypto.randomUUID();
    expect((await rest("/rest/probes", { method: "POST", body: { id } })).status).toBe(201);
    const again = await rest("/rest/probes", { method: "POST", body: { id } });
    expect(again.body).toMatchObject({ statusCode: 400, messages: ["A duplicate entry was detected"] });
    const viaGraphQL = await graphql(`mutation($d: ProbeCreateInput!) { createProbe(data: $d) { id } }`, { d: { id } });
    expect(viaGraphQL.errors?.[0]).toMatchObject({ message: "A duplicate entry was detected", extensions: { code: "BAD_USER_INPUT" } });
  });
});

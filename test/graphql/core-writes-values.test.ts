import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { createGadgetObject, ok, refused, restRecord, tableRows, type Vars } from "./core-writes-fixture.ts";

/** Values of each field type through GraphQL create/update inputs, read back through GraphQL and REST. */
let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "gql-values");
  await createGadgetObject(worker, ws);
});
afterAll(() => worker?.close());

const run = (query: string, vars: Vars = {}) => ok(worker, ws.apiKeyToken, query, vars);

const GADGET_FIELDS = /* GraphQL */ `
  id name code status tags releasedOn lastSeenAt isSecret weight specs aliases
  notes { markdown blocknote }
  price { amountMicros currencyCode }
  contact { primaryEmail additionalEmails }
  site { primaryLinkUrl primaryLinkLabel secondaryLinks }
  hotline { primaryPhoneNumber primaryPhoneCountryCode primaryPhoneCallingCode additionalPhones }
  origin { addressStreet1 addressCity addressPostcode addressCountry }
  inventor { firstName lastName }
`;

describe("a custom object's field types", () => {
  const data = {
    name: "Widget",
    code: "W-1",
    status: "RETIRED",
    tags: ["BLUE", "RED"],
    releasedOn: "2025-01-31",
    lastSeenAt: "2025-02-03T04:05:06.789Z",
    isSecret: true,
    weight: 12.5,
    specs: { volts: 220, modes: ["eco", "turbo"], nested: { ok: true } },
    aliases: ["w1", "widget one"],
    notes: { markdown: "# Title\n\nSome **bold** text" },
    price: { amountMicros: 1_500_000, currencyCode: "EUR" },
    contact: { primaryEmail: "Sales@Example.COM", additionalEmails: ["Ops@Example.com", "help@example.com"] },
    site: { primaryLinkUrl: "https://Widget.example.com/", primaryLinkLabel: "Home", secondaryLinks: [{ url: "docs.example.com", label: "Docs" }] },
    hotline: { primaryPhoneNumber: "612345678", primaryPhoneCountryCode: "FR", primaryPhoneCallingCode: "+33", additionalPhones: [] },
    origin: { addressStreet1: "1 Main St", addressCity: "Paris", addressPostcode: "75001", addressCountry: "France" },
    inventor: { firstName: "Ada", lastName: "Lovelace" },
  };
  const expected = {
    name: "Widget",
    code: "W-1",
    status: "RETIRED",
    tags: ["BLUE", "RED"],
    releasedOn: "2025-01-31",
    lastSeenAt: "2025-02-03T04:05:06.789Z",
    isSecret: true,
    weight: 12.5,
    specs: { volts: 220, modes: ["eco", "turbo"], nested: { ok: true } },
    aliases: ["w1", "widget one"],
    price: { amountMicros: 1_500_000, currencyCode: "EUR" },
    contact: { primaryEmail: "sales@example.com", additionalEmails: ["ops@example.com", "help@example.com"] },
    site: { primaryLinkUrl: "https://widget.example.com", primaryLinkLabel: "Home", secondaryLinks: [{ url: "docs.example.com", label: "Docs" }] },
    hotline: { primaryPhoneNumber: "612345678", primaryPhoneCountryCode: "FR", primaryPhoneCallingCode: "+33", additionalPhones: [] },
    origin: { addressStreet1: "1 Main St", addressCity: "Paris", addressPostcode: "75001", addressCountry: "France" },
    inventor: { firstName: "Ada", lastName: "Lovelace" },
  };
  let id: string;

  it("every type is written from variables and read back the same through GraphQL and REST", async () => {
    const created = (await run(`mutation($d: GadgetCreateInput!) { createGadget(data: $d) { ${GADGET_FIELDS} } }`, { d: data })).createGadget;
    id = created.id;
    expect(created).toMatchObject(expected);
    expect(created.notes.markdown).toBe("# Title\n\nSome **bold** text");
    const read = (await run(`query($id: UUID!) { gadget(filter: {id: {eq: $id}}) { ${GADGET_FIELDS} } }`, { id })).gadget;
    expect(read).toEqual(created);
    const rest = await restRecord(worker, ws.apiKeyToken, "gadgets", id);
    expect(rest).toMatchObject(expected);
  });

  it("literals in the document work as variables do: enums bare, Date and DateTime as strings", async () => {
    const created = (
      await run(`mutation { createGadget(data: {
        name: "Literal", status: ACTIVE, tags: [GREEN], releasedOn: "2024-02-29", lastSeenAt: "2024-03-01T10:00:00Z",
        isSecret: false, weight: -3, specs: {a: [1, "two", null]}, aliases: [], price: {amountMicros: 990000, currencyCode: "USD"}
      }) { status tags releasedOn lastSeenAt isSecret weight specs aliases price { amountMicros currencyCode } } }`)
    ).createGadget;
    expect(created).toEqual({
      status: "ACTIVE",
      tags: ["GREEN"],
      releasedOn: "2024-02-29",
      lastSeenAt: "2024-03-01T10:00:00.000Z",
      isSecret: false,
      weight: -3,
      specs: { a: [1, "two", null] },
      aliases: [],
      price: { amountMicros: 990000, currencyCode: "USD" },
    });
  });

  // Twenty §1.11: RICH_TEXT_V2 given only markdown gets its blocknote derived (and the other way round).
  it("rich text given as markdown only gets its blocknote JSON derived", async () => {
    const created = (await run(`mutation { createGadget(data: {name: "rt", notes: {markdown: "# Title\\n\\nSome **bold** text"}}) { id notes { markdown blocknote } } }`)).createGadget;
    expect(created.notes.markdown).toBe("# Title\n\nSome **bold** text");
    const blocks = JSON.parse(created.notes.blocknote);
    expect(blocks.map((b: { type: string }) => b.type)).toEqual(["heading", "paragraph"]);
    expect(blocks[0].content[0]).toMatchObject({ type: "text", text: "Title" });
    // The other way round: blocks only get their markdown.
    const update = `mutation($id: UUID!, $d: GadgetUpdateInput!) { updateGadget(id: $id, data: $d) { notes { markdown blocknote } } }`;
    const blocknote = JSON.stringify([{ id: "b1", type: "bulletListItem", props: {}, content: [{ type: "text", text: "from blocks", styles: { italic: true } }], children: [] }]);
    expect((await run(update, { id: created.id, d: { notes: { blocknote } } })).updateGadget.notes).toEqual({ blocknote, markdown: "- *from blocks*" });
    const bad = await refused(worker, ws.apiKeyToken, update, { id: created.id, d: { notes: { blocknote: "{not json" } } });
    expect(bad.error.message).toContain("notes.blocknote");
  });

  it("an update changes the given fields and sub-fields and leaves the rest", async () => {
    const updated = (
      await run(`mutation($id: UUID!, $d: GadgetUpdateInput!) { updateGadget(id: $id, data: $d) { ${GADGET_FIELDS} } }`, {
        id,
        d: { tags: [], status: null, weight: 0, isSecret: false, releasedOn: null, specs: null, notes: { markdown: "plain" }, inventor: { firstName: "Grace" } },
      })
    ).updateGadget;
    expect(updated).toMatchObject({ ...expected, tags: [], status: null, weight: 0, isSecret: false, releasedOn: null, specs: null, inventor: { firstName: "Grace", lastName: "Lovelace" } });
    expect(updated.notes.markdown).toBe("plain");
    const [row] = await tableRows(worker, ws, "_gadget", "id = $1", [id]);
    // pg leaves arrays of a custom enum type as their text.
    expect(row).toMatchObject({ tags: "{}", status: null, weight: 0, isSecret: false, releasedOn: null, inventorFirstName: "Grace", inventorLastName: "Lovelace", code: "W-1" });
  });
});

describe("standard objects' composites, enums and dates", () => {
  it("company: links, address, currency, number, boolean", async () => {
    const d = {
      name: "Acme",
      domainName: { primaryLinkUrl: "acme.com", secondaryLinks: [{ url: "https://blog.acme.com/", label: "Blog" }] },
      address: { addressStreet1: "5 Rue", addressCity: "Lyon", addressLat: 45.76, addressLng: 4.83 },
      annualRecurringRevenue: { amountMicros: 250_000_000_000, currencyCode: "USD" },
      employees: 42,
      idealCustomerProfile: true,
    };
    const created = (
      await run(`mutation($d: CompanyCreateInput!) { createCompany(data: $d) {
        id name employees idealCustomerProfile
        domainName { primaryLinkUrl primaryLinkLabel secondaryLinks }
        address { addressStreet1 addressCity addressLat addressLng }
        annualRecurringRevenue { amountMicros currencyCode } } }`, { d })
    ).createCompany;
    expect(created).toMatchObject({
      name: "Acme",
      employees: 42,
      idealCustomerProfile: true,
      domainName: { primaryLinkUrl: "acme.com", primaryLinkLabel: "", secondaryLinks: [{ url: "https://blog.acme.com", label: "Blog" }] },
      address: { addressStreet1: "5 Rue", addressCity: "Lyon", addressLat: 45.76, addressLng: 4.83 },
      annualRecurringRevenue: { amountMicros: 250_000_000_000, currencyCode: "USD" },
    });
    const rest = await restRecord(worker, ws.apiKeyToken, "companies", created.id);
    expect(rest).toMatchObject({ employees: 42, annualRecurringRevenue: { amountMicros: 250_000_000_000, currencyCode: "USD" }, address: { addressCity: "Lyon" } });
  });

  it("person: full name, emails with additional emails, phones", async () => {
    const created = (
      await run(`mutation($d: PersonCreateInput!) { createPerson(data: $d) { id name { firstName lastName } emails { primaryEmail additionalEmails } phones { primaryPhoneNumber primaryPhoneCallingCode additionalPhones } } }`, {
        d: {
          name: { firstName: "Jane", lastName: "Doe" },
          emails: { primaryEmail: "JANE@doe.io", additionalEmails: ["J.Doe@Work.io"] },
          phones: { primaryPhoneNumber: "5550100", primaryPhoneCallingCode: "+1", additionalPhones: [{ number: "5550101", callingCode: "+1", countryCode: "US" }] },
        },
      })
    ).createPerson;
    expect(created).toMatchObject({
      name: { firstName: "Jane", lastName: "Doe" },
      emails: { primaryEmail: "jane@doe.io", additionalEmails: ["j.doe@work.io"] },
      phones: { primaryPhoneNumber: "5550100", primaryPhoneCallingCode: "+1", additionalPhones: [{ number: "5550101", callingCode: "+1", countryCode: "US" }] },
    });
    const [row] = await tableRows(worker, ws, "person", "id = $1", [created.id]);
    expect(row).toMatchObject({ nameFirstName: "Jane", emailsPrimaryEmail: "jane@doe.io", emailsAdditionalEmails: ["j.doe@work.io"] });
  });

  it("opportunity: SELECT enum and a DateTime variable", async () => {
    const created = (
      await run(`mutation($close: DateTime) { createOpportunity(data: {name: "Deal", stage: PROPOSAL, closeDate: $close, amount: {amountMicros: 7000000, currencyCode: "GBP"}}) { id stage closeDate amount { amountMicros currencyCode } } }`, {
        close: "2025-06-30T12:00:00.000Z",
      })
    ).createOpportunity;
    expect(created).toMatchObject({ stage: "PROPOSAL", closeDate: "2025-06-30T12:00:00.000Z", amount: { amountMicros: 7000000, currencyCode: "GBP" } });
    const moved = (await run(`mutation($id: UUID!) { updateOpportunity(id: $id, data: {stage: CUSTOMER, closeDate: null}) { stage closeDate } }`, { id: created.id })).updateOpportunity;
    expect(moved).toEqual({ stage: "CUSTOMER", closeDate: null });
    expect(await restRecord(worker, ws.apiKeyToken, "opportunities", created.id)).toMatchObject({ stage: "CUSTOMER", closeDate: null });
  });
});

describe("POSITION", () => {
  const create = async (position: unknown, name: string) =>
    (await run(`mutation($d: CompanyCreateInput!) { createCompany(data: $d) { id position } }`, { d: { name, position } })).createCompany as { id: string; position: number };

  it('"first" goes before every record, "last" after, a number is kept; absent means first', async () => {
    const middle = await create(10, "pos-middle");
    expect(middle.position).toBe(10);
    const positions = async () => (await run(`{ companies(orderBy: [{position: AscNullsFirst}], first: 200) { edges { node { id position } } } }`)).companies.edges.map((e: { node: { position: number } }) => e.node.position) as number[];
    const first = await create("first", "pos-first");
    const all = await positions();
    expect(first.position).toBe(Math.min(...all));
    expect(all.filter((p) => p === first.position)).toHaveLength(1);
    const last = await create("last", "pos-last");
    expect(last.position).toBe(Math.max(...(await positions())));
    const absent = (await run(`mutation { createCompany(data: {name: "pos-absent"}) { position } }`)).createCompany;
    expect(absent.position).toBeLessThan(first.position);
    const literal = (await run(`mutation { createCompany(data: {name: "pos-literal", position: "last"}) { position } }`)).createCompany;
    expect(literal.position).toBeGreaterThan(last.position);
  });

  it("an update moves a record to a number; 'first' on update and 'foo' anywhere are refused", async () => {
    const record = await create(1, "pos-move");
    expect((await run(`mutation($id: UUID!) { updateCompany(id: $id, data: {position: 2.5}) { position } }`, { id: record.id })).updateCompany.position).toBe(2.5);
    const foo = await refused(worker, ws.apiKeyToken, `mutation($d: CompanyCreateInput!) { createCompany(data: $d) { id } }`, { d: { name: "pos-foo", position: "foo" } });
    expect(foo.error.message).toContain("Invalid position value: 'foo'. Position must be 'first', 'last', or a number");
    expect(foo.error.extensions?.code).toBe("BAD_USER_INPUT");
    const fooLiteral = await refused(worker, ws.apiKeyToken, `mutation { createCompany(data: {name: "pos-foo", position: "foo"}) { id } }`);
    expect(fooLiteral.error.message).toContain("Invalid position value: 'foo'");
    // A literal is refused while the document is validated, as graphql-js (and Twenty) do.
    expect(fooLiteral.error.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const onUpdate = await refused(worker, ws.apiKeyToken, `mutation($id: UUID!) { updateCompany(id: $id, data: {position: "first"}) { id } }`, { id: record.id });
    expect(onUpdate.error.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "INVALID_POSITION" });
    expect((await restRecord(worker, ws.apiKeyToken, "companies", record.id))?.position).toBe(2.5);
  });
});

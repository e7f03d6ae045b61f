import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { createGadgetObject, ok, refused, restRecord, tableRows, type Vars } from "./core-writes-fixture.ts";

/** Relations in write inputs (§2.8: connect / disconnect / join column) and merge (§2.10). */
let worker: TestWorker;
let ws: WorkspaceFixture;
let other: WorkspaceFixture;
const ids: Record<string, string> = {};

const run = (query: string, vars: Vars = {}) => ok(worker, ws.apiKeyToken, query, vars);

beforeAll(async () => {
  worker = await startTestWorker();
  [ws, other] = [await createWorkspace(worker, "gql-rel"), await createWorkspace(worker, "gql-rel-other")];
  await createGadgetObject(worker, ws);
  const companies = (
    await run(`mutation { createCompanies(data: [{name: "Acme", domainName: {primaryLinkUrl: "https://acme.com"}}, {name: "Globex", domainName: {primaryLinkUrl: "globex.io"}}]) { id } }`)
  ).createCompanies;
  [ids.acme, ids.globex] = companies.map((c: { id: string }) => c.id);
  ids.gadget = (await run(`mutation { createGadget(data: {name: "Gizmo", code: "G-1"}) { id } }`)).createGadget.id;
  ids.foreign = (await ok(worker, other.apiKeyToken, `mutation { createCompany(data: {name: "Foreign"}) { id } }`)).createCompany.id;
});
afterAll(() => worker?.close());

const companyIdOf = async (personId: string) => (await restRecord(worker, ws.apiKeyToken, "people", personId))?.companyId;

describe("connect, disconnect and join columns", () => {
  it("connect by id sets companyId; the selection can follow the relation", async () => {
    const person = (
      await run(`mutation($c: ID!) { createPerson(data: {name: {firstName: "Ann"}, company: {connect: {where: {id: $c}}}}) { id companyId company { id name } } }`, { c: ids.acme })
    ).createPerson;
    expect(person).toMatchObject({ companyId: ids.acme, company: { id: ids.acme, name: "Acme" } });
    expect(await companyIdOf(person.id)).toBe(ids.acme);
  });

  it("connect by a unique composite sub-field, with or without a scheme as stored", async () => {
    const person = (await run(`mutation { createPerson(data: {company: {connect: {where: {domainName: {primaryLinkUrl: "globex.io"}}}}}) { id company { name } } }`)).createPerson;
    expect(person.company).toEqual({ name: "Globex" });
    expect(await companyIdOf(person.id)).toBe(ids.globex);
    const normalised = (await run(`mutation { createPerson(data: {company: {connect: {where: {domainName: {primaryLinkUrl: "https://acme.com"}}}}}) { companyId } }`)).createPerson;
    expect(normalised.companyId).toBe(ids.acme);
    // The probe is normalised as stored values are: upper-case host, trailing slash.
    const probe = (await run(`mutation { createPerson(data: {company: {connect: {where: {domainName: {primaryLinkUrl: "https://ACME.com/"}}}}}) { companyId } }`)).createPerson;
    expect(probe.companyId).toBe(ids.acme);
  });

  it("connect by a unique scalar field of a custom object", async () => {
    const person = (await run(`mutation { createPerson(data: {favoriteGadget: {connect: {where: {code: "G-1"}}}}) { id favoriteGadgetId favoriteGadget { name code } } }`)).createPerson;
    expect(person).toMatchObject({ favoriteGadgetId: ids.gadget, favoriteGadget: { name: "Gizmo", code: "G-1" } });
    const fans = (await run(`query($id: UUID!) { gadget(filter: {id: {eq: $id}}) { fans { totalCount edges { node { id } } } } }`, { id: ids.gadget })).gadget.fans;
    expect(fans).toEqual({ totalCount: 1, edges: [{ node: { id: person.id } }] });
  });

  // 2.21 wants one set of unique fields per relation across a batch (refused otherwise, see below).
  it("a custom object connects to a standard one; createMany resolves a connect per record, in order", async () => {
    const gadgets = (
      await run(`mutation($d: [GadgetCreateInput!]!) { createGadgets(data: $d) { name makerId maker { name } } }`, {
        d: [
          { name: "g-a", maker: { connect: { where: { domainName: { primaryLinkUrl: "globex.io" } } } } },
          { name: "g-b" },
          { name: "g-c", maker: { connect: { where: { domainName: { primaryLinkUrl: "https://acme.com" } } } } },
          { name: "g-d", makerId: ids.globex },
        ],
      })
    ).createGadgets;
    expect(gadgets).toEqual([
      { name: "g-a", makerId: ids.globex, maker: { name: "Globex" } },
      { name: "g-b", makerId: null, maker: null },
      { name: "g-c", makerId: ids.acme, maker: { name: "Acme" } },
      { name: "g-d", makerId: ids.globex, maker: { name: "Globex" } },
    ]);
  });

  it("the join column directly, disconnect on update, and connect on update", async () => {
    const person = (await run(`mutation($c: ID) { createPerson(data: {companyId: $c}) { id companyId } }`, { c: ids.acme })).createPerson;
    expect(person.companyId).toBe(ids.acme);
    const cut = (await run(`mutation($id: UUID!) { updatePerson(id: $id, data: {company: {disconnect: true}}) { companyId company { name } } }`, { id: person.id })).updatePerson;
    expect(cut).toEqual({ companyId: null, company: null });
    expect(await companyIdOf(person.id)).toBeNull();
    const moved = (await run(`mutation($id: UUID!, $c: ID!) { updatePerson(id: $id, data: {company: {connect: {where: {id: $c}}}}) { companyId } }`, { id: person.id, c: ids.globex })).updatePerson;
    expect(moved.companyId).toBe(ids.globex);
    const many = (
      await run(`mutation($id: UUID!) { updatePeople(filter: {id: {eq: $id}}, data: {company: {disconnect: true}}) { companyId } }`, { id: person.id })
    ).updatePeople;
    expect(many).toEqual([{ companyId: null }]);
  });

  it("the written record's nested connections answer as in a query", async () => {
    const company = (await run(`mutation { createCompany(data: {name: "Initech"}) { id people { totalCount edges { node { id } } } opportunities { totalCount } } }`)).createCompany;
    expect(company).toMatchObject({ people: { totalCount: 0, edges: [] }, opportunities: { totalCount: 0 } });
    await run(`mutation($c: ID!, $cid: ID) { createPeople(data: [{company: {connect: {where: {id: $c}}}}, {companyId: $cid}]) { id } }`, { c: company.id, cid: company.id });
    const updated = (await run(`mutation($id: UUID!) { updateCompany(id: $id, data: {employees: 3}) { employees people { totalCount } } }`, { id: company.id })).updateCompany;
    expect(updated).toEqual({ employees: 3, people: { totalCount: 2 } });
  });

  it("a mutation's selection takes aliases, fragments and variables in nested arguments; mutations run in order", async () => {
    const res = await run(
      `fragment Names on Company { n2: name }
       mutation($c: UUID!, $n: Int) {
         first: updateCompany(id: $c, data: {employees: 7}) { i: id n: name ...Names ... on Company { employees } staff: people(first: $n) { totalCount edges { node { id } } } }
         second: updateCompany(id: $c, data: {employees: 8}) { employees }
       }`,
      { c: ids.globex, n: 1 },
    );
    expect(res.first).toMatchObject({ i: ids.globex, n: "Globex", n2: "Globex", employees: 7 });
    expect(res.first.staff.edges).toHaveLength(Math.min(1, res.first.staff.totalCount));
    expect(res.second).toEqual({ employees: 8 });
    expect((await restRecord(worker, ws.apiKeyToken, "companies", ids.globex!))?.employees).toBe(8);
  });

  it("connect to nothing is BAD_USER_INPUT naming what was not found; nothing is written", async () => {
    const missing = crypto.randomUUID();
    const res = await refused(worker, ws.apiKeyToken, `mutation($c: ID!) { createPerson(data: {jobTitle: "ghost", company: {connect: {where: {id: $c}}}}) { id } }`, { c: missing });
    expect(res.error.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "CONNECT_RECORD_NOT_FOUND" });
    expect(res.error.message).toBe(`Expected 1 record to connect to company, but found 0 for id = ${missing}`);
    expect(res.data).toEqual({ createPerson: null });
    const byDomain = await refused(worker, ws.apiKeyToken, `mutation { createPeople(data: [{jobTitle: "ghost"}, {jobTitle: "ghost", company: {connect: {where: {domainName: {primaryLinkUrl: "nowhere.org"}}}}}]) { id } }`);
    expect(byDomain.error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(byDomain.error.message).toContain("nowhere.org");
    const gone = (await run(`mutation { createCompany(data: {name: "Gone"}) { id } }`)).createCompany.id;
    await run(`mutation($id: UUID!) { deleteCompany(id: $id) { id } }`, { id: gone });
    const deleted = await refused(worker, ws.apiKeyToken, `mutation($c: ID!) { createPerson(data: {jobTitle: "ghost", company: {connect: {where: {id: $c}}}}) { id } }`, { c: gone });
    expect(deleted.error.message).toBe(`Expected 1 record to connect to company, but found 0 for id = ${gone}`);
    expect(await tableRows(worker, ws, "person", `"jobTitle" = 'ghost'`)).toEqual([]);
  });

  it("connect and disconnect together, connect on a non-unique field, or both relation and join column are refused", async () => {
    const both = await refused(worker, ws.apiKeyToken, `mutation($c: ID!) { createPerson(data: {company: {connect: {where: {id: $c}}, disconnect: true}}) { id } }`, { c: ids.acme });
    expect(both.error.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "CONNECT_NOT_ALLOWED" });
    expect(both.error.message).toBe("Cannot have both connect and disconnect for the same field on company.");
    expect(both.data).toEqual({ createPerson: null });
    const joinToo = await refused(worker, ws.apiKeyToken, `mutation($c: ID) { createPerson(data: {companyId: $c, company: {disconnect: true}}) { id } }`, { c: ids.acme });
    expect(joinToo.error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(joinToo.error.message).toBe("company and companyId cannot be both provided.");
    const mixed = await refused(
      worker,
      ws.apiKeyToken,
      `mutation($c: ID!) { createPeople(data: [{company: {connect: {where: {id: $c}}}}, {company: {connect: {where: {domainName: {primaryLinkUrl: "acme.com"}}}}}]) { id } }`,
      { c: ids.acme },
    );
    expect(mixed.error.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "CONNECT_NOT_ALLOWED" });
    expect(mixed.error.message).toBe("Expected the same constraint fields to be used consistently across all operations for company.");
    const emptyWhere = await refused(worker, ws.apiKeyToken, `mutation { createPerson(data: {company: {connect: {where: {}}}}) { id } }`);
    expect(emptyWhere.error.message).toBe("Connect is only allowed on unique fields: id, domainName.primaryLinkUrl (company.connect.where)");
    const badId = await refused(worker, ws.apiKeyToken, `mutation { createGadget(data: {maker: {connect: {where: {id: "nope"}}}}) { id } }`);
    expect(badId.error.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it("another workspace's record can neither be connected nor set as join column", async () => {
    const connect = await refused(worker, ws.apiKeyToken, `mutation($c: ID!) { createPerson(data: {company: {connect: {where: {id: $c}}}}) { id } }`, { c: ids.foreign });
    expect(connect.error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(connect.error.message).toContain(ids.foreign);
    const join = await refused(worker, ws.apiKeyToken, `mutation($c: ID) { createPerson(data: {companyId: $c}) { id } }`, { c: ids.foreign });
    expect(join.error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(join.data).toEqual({ createPerson: null });
  });
});

describe("merge (§2.10)", () => {
  const PERSON = `id name { firstName lastName } jobTitle city emails { primaryEmail additionalEmails } deletedAt`;
  const twoPeople = async (tag: string) =>
    (
      await run(`mutation($d: [PersonCreateInput!]!) { createPeople(data: $d) { id } }`, {
        d: [
          { name: { firstName: "Jo", lastName: tag }, emails: { primaryEmail: `jo-${tag}@a.com` }, city: "" },
          { name: { firstName: "Joe", lastName: tag }, emails: { primaryEmail: `joe-${tag}@b.com`, additionalEmails: [`x-${tag}@b.com`] }, jobTitle: "CTO", city: "Oslo" },
        ],
      })
    ).createPeople.map((p: { id: string }) => p.id) as [string, string];

  it("dryRun answers the merged record and writes nothing", async () => {
    const [a, b] = await twoPeople("dry");
    const merged = (await run(`mutation($ids: [UUID!]!) { mergePeople(ids: $ids, conflictPriorityIndex: 0, dryRun: true) { ${PERSON} } }`, { ids: [a, b] })).mergePeople;
    expect(merged).toMatchObject({ id: a, name: { firstName: "Jo", lastName: "dry" }, jobTitle: "CTO", city: "Oslo", emails: { primaryEmail: "jo-dry@a.com", additionalEmails: ["joe-dry@b.com", "x-dry@b.com"] } });
    const rows = await tableRows(worker, ws, "person", "id = ANY($1::uuid[]) ORDER BY \"nameFirstName\"", [[a, b]]);
    expect(rows.map((r) => [r.nameFirstName, r.jobTitle, r.deletedAt])).toEqual([["Jo", "", null], ["Joe", "CTO", null]]);
  });

  it("merges into the priority record, re-points relations to it and soft-deletes the other", async () => {
    const [a, b] = await twoPeople("real");
    const deal = (await run(`mutation($p: ID!) { createOpportunity(data: {name: "Deal", pointOfContact: {connect: {where: {id: $p}}}}) { id pointOfContactId } }`, { p: b })).createOpportunity;
    expect(deal.pointOfContactId).toBe(b);
    const merged = (await run(`mutation($ids: [UUID!]!) { mergePeople(ids: $ids, conflictPriorityIndex: 1) { ${PERSON} pointOfContactForOpportunities { totalCount } } }`, { ids: [a, b] })).mergePeople;
    expect(merged).toMatchObject({ id: b, name: { firstName: "Joe", lastName: "real" }, jobTitle: "CTO", city: "Oslo", deletedAt: null, pointOfContactForOpportunities: { totalCount: 1 } });
    expect(merged.emails).toEqual({ primaryEmail: "joe-real@b.com", additionalEmails: ["x-real@b.com", "jo-real@a.com"] });
    const loser = await restRecord(worker, ws.apiKeyToken, "people", a);
    expect(typeof loser?.deletedAt).toBe("string");
    const live = (await run(`{ people(filter: {name: {lastName: {eq: "real"}}}) { totalCount edges { node { id } } } }`)).people;
    expect(live).toEqual({ totalCount: 1, edges: [{ node: { id: b } }] });
    const restored = (await run(`mutation($id: UUID!) { restorePerson(id: $id) { id deletedAt } }`, { id: a })).restorePerson;
    expect(restored).toEqual({ id: a, deletedAt: null });
  });

  it("re-points a loser's relations when the priority is index 0", async () => {
    const [a, b] = await twoPeople("repoint");
    const deal = (await run(`mutation($p: ID) { createOpportunity(data: {name: "Deal 2", pointOfContactId: $p}) { id } }`, { p: b })).createOpportunity;
    await run(`mutation($ids: [UUID!]!) { mergePeople(ids: $ids, conflictPriorityIndex: 0) { id } }`, { ids: [a, b] });
    expect((await restRecord(worker, ws.apiKeyToken, "opportunities", deal.id))?.pointOfContactId).toBe(a);
  });

  it("a bad priority index or a single id is refused; custom objects have no merge mutation", async () => {
    const [a, b] = await twoPeople("bad");
    const index = await refused(worker, ws.apiKeyToken, `mutation($ids: [UUID!]!) { mergePeople(ids: $ids, conflictPriorityIndex: 2) { id } }`, { ids: [a, b] });
    expect(index.error.message).toBe("Invalid conflict priority '2'. Valid options for 2 records: 0-1");
    expect(index.error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(index.data).toEqual({ mergePeople: null });
    const single = await refused(worker, ws.apiKeyToken, `mutation($ids: [UUID!]!) { mergePeople(ids: $ids, conflictPriorityIndex: 0) { id } }`, { ids: [a] });
    expect(single.error.message).toBe("At least 2 record IDs are required for merge");
    const custom = await refused(worker, ws.apiKeyToken, `mutation($ids: [UUID!]!) { mergeGadgets(ids: $ids, conflictPriorityIndex: 0) { id } }`, { ids: [a, b] });
    expect(custom.error.message).toMatch(/^Cannot query field "mergeGadgets" on type "Mutation"\./);
    expect(custom.error.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

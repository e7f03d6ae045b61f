import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { batch, metadata, nodes, query, read, seedCrm, type Ids } from "./core-reads-fixture.ts";

/** findMany on standard and custom objects, and every filter input type of the workspace schema (§2.5). */
let worker: TestWorker;
let ws: WorkspaceFixture;
let ids: Ids;
const pets: Ids = {};

const gqlRead = (text: string, variables: Record<string, unknown> = {}) => read(worker, ws.apiKeyToken, text, variables);

/** Names of the matching records, sorted. */
async function names(plural: string, filter: unknown): Promise<string[]> {
  const label = plural === "people" ? "name { firstName }" : "name";
  const data = await gqlRead(`query($f: ${filterType(plural)}) { ${plural}(filter: $f) { edges { node { ${label} } } } }`, { f: filter });
  return nodes<{ name: string | { firstName: string } }>(data[plural]).map(({ name }) => (typeof name === "object" ? name.firstName : name)).sort();
}
const filterType = (plural: string) => ({ companies: "CompanyFilterInput", people: "PersonFilterInput", opportunities: "OpportunityFilterInput", pets: "PetFilterInput" })[plural];

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "gql-filters");
  ids = await seedCrm(worker, ws);
  const created = await metadata(
    worker,
    ws,
    `mutation { createOneObject(input: { object: { nameSingular: "pet", namePlural: "pets", labelSingular: "Pet", labelPlural: "Pets", icon: "IconCat" } }) { id } }`,
  );
  const objectMetadataId = created.createOneObject.id;
  const fields: Array<Record<string, unknown>> = [
    { type: "TEXT", name: "comments", label: "Comments" },
    { type: "NUMBER", name: "age", label: "Age" },
    { type: "NUMERIC", name: "weight", label: "Weight" },
    { type: "BOOLEAN", name: "vaccinated", label: "Vaccinated" },
    { type: "DATE", name: "birthday", label: "Birthday" },
    { type: "DATE_TIME", name: "lastVisit", label: "Last visit" },
    { type: "UUID", name: "chipId", label: "Chip" },
    { type: "SELECT", name: "species", label: "Species", options: [{ label: "Dog", value: "DOG", color: "blue", position: 0 }, { label: "Cat", value: "CAT", color: "red", position: 1 }] },
    { type: "MULTI_SELECT", name: "traits", label: "Traits", options: [{ label: "Calm", value: "CALM", color: "green", position: 0 }, { label: "Loud", value: "LOUD", color: "red", position: 1 }] },
    { type: "RAW_JSON", name: "extraData", label: "Extra" },
    { type: "ARRAY", name: "tags", label: "Tags" },
    { type: "EMAILS", name: "vetEmail", label: "Vet email" },
  ];
  for (const field of fields) await metadata(worker, ws, `mutation($f: CreateFieldInput!) { createOneField(input: { field: $f }) { id } }`, { f: { ...field, objectMetadataId } });
  const [rex, tom, nemo] = await batch(worker, ws.apiKeyToken, "pets", [
    {
      name: "Rex",
      comments: "good boy",
      age: 3,
      weight: "12.5",
      vaccinated: true,
      birthday: "2021-04-01",
      lastVisit: "2025-05-01T08:30:00.000Z",
      chipId: "11111111-1111-4111-8111-111111111111",
      species: "DOG",
      traits: ["CALM", "LOUD"],
      extraData: { color: "brown", legs: 4 },
      tags: ["Fetch", "Swim"],
      vetEmail: { primaryEmail: "vet@rex.io" },
    },
    { name: "Tom", age: 7, weight: "4.25", vaccinated: false, birthday: "2017-12-24", species: "CAT", traits: [], tags: ["sleep"], extraData: { color: "grey" } },
    { name: "Nemo" },
  ]);
  Object.assign(pets, { rex, tom, nemo });
});
afterAll(() => worker?.close());

describe("findMany", () => {
  it("companies: scalar and composite fields, join columns and the soft-deleted one left out", async () => {
    const data = await gqlRead(`{ companies(orderBy: [{position: AscNullsFirst}]) { totalCount edges { node {
      id name employees idealCustomerProfile position accountOwnerId deletedAt
      domainName { primaryLinkUrl primaryLinkLabel secondaryLinks }
      address { addressCity addressCountry addressStreet1 }
      annualRecurringRevenue { amountMicros currencyCode }
      createdBy { source name } } } } }`);
    expect(data.companies.totalCount).toBe(3);
    expect(nodes(data.companies)).toEqual([
      {
        id: ids.acme,
        name: "Acme",
        employees: 10,
        idealCustomerProfile: true,
        position: 1,
        accountOwnerId: null,
        deletedAt: null,
        domainName: { primaryLinkUrl: "https://acme.com", primaryLinkLabel: "", secondaryLinks: [] },
        address: { addressCity: "Paris", addressCountry: "France", addressStreet1: "" },
        annualRecurringRevenue: { amountMicros: 1_000_000_000, currencyCode: "USD" },
        createdBy: { source: "API", name: "test key" },
      },
      expect.objectContaining({ id: ids.beta, name: "Beta Corp", employees: 50, idealCustomerProfile: false, annualRecurringRevenue: { amountMicros: null, currencyCode: "" } }),
      expect.objectContaining({ id: ids.gamma, name: "gamma labs", employees: null, idealCustomerProfile: false }),
    ]);
  });

  it("people and opportunities: full names, emails, phones, enums, currencies and dates", async () => {
    const people = await gqlRead(`{ people(orderBy: [{position: AscNullsFirst}]) { edges { node { name { firstName lastName } emails { primaryEmail additionalEmails } phones { primaryPhoneNumber additionalPhones } city jobTitle companyId } } } }`);
    expect(nodes(people.people)).toEqual([
      { name: { firstName: "John", lastName: "Doe" }, emails: { primaryEmail: "john@acme.com", additionalEmails: [] }, phones: { primaryPhoneNumber: "", additionalPhones: [] }, city: "Paris", jobTitle: "CEO", companyId: ids.acme },
      { name: { firstName: "Jane", lastName: "Roe" }, emails: { primaryEmail: "jane@beta.io", additionalEmails: [] }, phones: { primaryPhoneNumber: "", additionalPhones: [] }, city: "Berlin", jobTitle: "CTO", companyId: ids.beta },
      { name: { firstName: "Phil", lastName: "Collins" }, emails: { primaryEmail: "", additionalEmails: [] }, phones: { primaryPhoneNumber: "", additionalPhones: [] }, city: "", jobTitle: "", companyId: null },
    ]);
    const deals = await gqlRead(`{ opportunities(orderBy: [{name: AscNullsFirst}]) { edges { node { name stage closeDate amount { amountMicros currencyCode } companyId pointOfContactId } } } }`);
    expect(nodes(deals.opportunities)).toEqual([
      { name: "Deal A", stage: "NEW", closeDate: "2025-01-10T10:00:00.000Z", amount: { amountMicros: 5_000_000, currencyCode: "USD" }, companyId: ids.acme, pointOfContactId: ids.john },
      { name: "Deal B", stage: "MEETING", closeDate: "2025-03-01T00:00:00.000Z", amount: { amountMicros: 20_000_000, currencyCode: "USD" }, companyId: ids.acme, pointOfContactId: ids.jane },
      { name: "Deal C", stage: "CUSTOMER", closeDate: null, amount: { amountMicros: null, currencyCode: "" }, companyId: ids.beta, pointOfContactId: null },
    ]);
  });

  it("a custom object: every field type reads back as written", async () => {
    const data = await gqlRead(`{ pets(orderBy: [{name: AscNullsFirst}]) { totalCount edges { node {
      id name comments age weight vaccinated birthday lastVisit chipId species traits extraData tags vetEmail { primaryEmail } } } } }`);
    expect(data.pets.totalCount).toBe(3);
    expect(nodes(data.pets)).toEqual([
      expect.objectContaining({ id: pets.nemo, name: "Nemo", age: null, weight: null, vaccinated: null, birthday: null, species: null, traits: null, extraData: null, tags: null }),
      {
        id: pets.rex,
        name: "Rex",
        comments: "good boy",
        age: 3,
        weight: 12.5,
        vaccinated: true,
        birthday: "2021-04-01",
        lastVisit: "2025-05-01T08:30:00.000Z",
        chipId: "11111111-1111-4111-8111-111111111111",
        species: "DOG",
        traits: ["CALM", "LOUD"],
        extraData: { color: "brown", legs: 4 },
        tags: ["Fetch", "Swim"],
        vetEmail: { primaryEmail: "vet@rex.io" },
      },
      expect.objectContaining({ id: pets.tom, name: "Tom", age: 7, weight: 4.25, vaccinated: false, birthday: "2017-12-24", species: "CAT", traits: [], tags: ["sleep"] }),
    ]);
  });
});

describe("a custom object's aggregates and groups", () => {
  it("aggregates over every kind of field", async () => {
    const data = await gqlRead(`{ pets { totalCount sumWeight avgAge minAge maxWeight countTrueVaccinated countFalseVaccinated minBirthday maxBirthday minLastVisit
      countEmptyTraits countNotEmptyTags countUniqueValuesSpecies countEmptyExtraData countEmptyChipId percentageNotEmptyComments countEmptyVetEmail } }`);
    expect(data.pets).toEqual({
      totalCount: 3,
      sumWeight: 16.75,
      avgAge: 5,
      minAge: 3,
      maxWeight: 12.5,
      countTrueVaccinated: 1,
      countFalseVaccinated: 1,
      minBirthday: "2017-12-24T00:00:00.000Z",
      maxBirthday: "2021-04-01T00:00:00.000Z",
      minLastVisit: "2025-05-01T08:30:00.000Z",
      countEmptyTraits: 2,
      countNotEmptyTags: 2,
      countUniqueValuesSpecies: 2,
      countEmptyExtraData: 1,
      countEmptyChipId: 2,
      percentageNotEmptyComments: 1 / 3,
      countEmptyVetEmail: 2,
    });
  });

  it("groups by a select, a boolean and a date", async () => {
    const species = await gqlRead(`{ petsGroupBy(groupBy: [{species: true}], orderBy: [{species: AscNullsLast}]) { groupByDimensionValues totalCount avgAge } }`);
    expect(species.petsGroupBy).toEqual([
      // Enums sort by their value's text, as records do.
      { groupByDimensionValues: ["CAT"], totalCount: 1, avgAge: 7 },
      { groupByDimensionValues: ["DOG"], totalCount: 1, avgAge: 3 },
      { groupByDimensionValues: [null], totalCount: 1, avgAge: null },
    ]);
    const vaccinated = await gqlRead(`{ petsGroupBy(groupBy: [{vaccinated: true}], filter: {vaccinated: {is: NOT_NULL}}) { groupByDimensionValues totalCount } }`);
    expect(vaccinated.petsGroupBy.map((g: { groupByDimensionValues: unknown[] }) => g.groupByDimensionValues[0]).sort()).toEqual(["false", "true"]);
    const years = await gqlRead(`{ petsGroupBy(groupBy: [{birthday: {granularity: YEAR}}], filter: {birthday: {is: NOT_NULL}}, orderBy: [{birthday: {orderBy: AscNullsLast, granularity: YEAR}}]) { groupByDimensionValues } }`);
    expect(years.petsGroupBy).toEqual([{ groupByDimensionValues: ["2017-01-01"] }, { groupByDimensionValues: ["2021-01-01"] }]);
  });
});

describe("filters", () => {
  it("StringFilter: eq, neq, in, like, ilike, startsWith, endsWith, is, gt/lt", async () => {
    expect(await names("companies", { name: { eq: "Acme" } })).toEqual(["Acme"]);
    expect(await names("companies", { name: { neq: "Acme" } })).toEqual(["Beta Corp", "gamma labs"]);
    expect(await names("companies", { name: { in: ["Acme", "gamma labs", "Nope"] } })).toEqual(["Acme", "gamma labs"]);
    expect(await names("companies", { name: { like: "%a%" } })).toEqual(["Beta Corp", "gamma labs"]);
    expect(await names("companies", { name: { ilike: "%A%" } })).toEqual(["Acme", "Beta Corp", "gamma labs"]);
    expect(await names("companies", { name: { startsWith: "Be" } })).toEqual(["Beta Corp"]);
    expect(await names("companies", { name: { endsWith: "labs" } })).toEqual(["gamma labs"]);
    expect(await names("companies", { name: { gt: "B" } })).toEqual(["Beta Corp", "gamma labs"]);
    // Empty text is NULL to `is` (decisions: `is:NULL` matches '', `neq` keeps it).
    expect(await names("people", { city: { is: "NULL" } })).toEqual(["Phil"]);
    expect(await names("people", { city: { is: "NOT_NULL" } })).toEqual(["Jane", "John"]);
    expect(await names("people", { city: { neq: "Paris" } })).toEqual(["Jane", "Phil"]);
    // A literal in the query text, not a variable.
    const literal = await gqlRead(`{ companies(filter: {name: {startsWith: "Ac"}}) { totalCount } }`);
    expect(literal.companies.totalCount).toBe(1);
  });

  it("FloatFilter, BigFloatFilter and IntFilter-like numbers: gt, gte, lt, lte, in, eq, is", async () => {
    expect(await names("companies", { employees: { gt: 10 } })).toEqual(["Beta Corp"]);
    expect(await names("companies", { employees: { gte: 10 } })).toEqual(["Acme", "Beta Corp"]);
    expect(await names("companies", { employees: { lt: 50 } })).toEqual(["Acme"]);
    expect(await names("companies", { employees: { lte: 50, gt: 10 } })).toEqual(["Beta Corp"]);
    expect(await names("companies", { employees: { in: [10, 11] } })).toEqual(["Acme"]);
    expect(await names("companies", { employees: { is: "NULL" } })).toEqual(["gamma labs"]);
    expect(await names("companies", { position: { gte: 2 } })).toEqual(["Beta Corp", "gamma labs"]);
    expect(await names("pets", { weight: { gt: "5" } })).toEqual(["Rex"]);
    expect(await names("pets", { weight: { lte: 12.5 } })).toEqual(["Rex", "Tom"]);
    expect(await names("pets", { age: { eq: 7 } })).toEqual(["Tom"]);
  });

  it("BooleanFilter, UUIDFilter and the join column filter", async () => {
    expect(await names("companies", { idealCustomerProfile: { eq: true } })).toEqual(["Acme"]);
    expect(await names("companies", { idealCustomerProfile: { eq: false } })).toEqual(["Beta Corp", "gamma labs"]);
    expect(await names("pets", { vaccinated: { is: "NULL" } })).toEqual(["Nemo"]);
    expect(await names("companies", { id: { eq: ids.beta } })).toEqual(["Beta Corp"]);
    expect(await names("companies", { id: { in: [ids.acme, ids.gamma, ids.gone] } })).toEqual(["Acme", "gamma labs"]);
    expect(await names("companies", { id: { neq: ids.acme } })).toEqual(["Beta Corp", "gamma labs"]);
    expect(await names("pets", { chipId: { eq: "11111111-1111-4111-8111-111111111111" } })).toEqual(["Rex"]);
    expect(await names("people", { companyId: { eq: ids.acme } })).toEqual(["John"]);
    expect(await names("people", { companyId: { is: "NULL" } })).toEqual(["Phil"]);
    expect(await names("opportunities", { pointOfContactId: { in: [ids.john, ids.jane] } })).toEqual(["Deal A", "Deal B"]);
  });

  it("DateTimeFilter with variables and literals, DateFilter", async () => {
    const q = `query($d: DateTime) { opportunities(filter: {closeDate: {gte: $d}}) { edges { node { name } } } }`;
    expect(nodes(await gqlRead(q, { d: "2025-02-01T00:00:00Z" }).then((d) => d.opportunities)).map((n: { name: string }) => n.name)).toEqual(["Deal B"]);
    expect(await names("opportunities", { closeDate: { lt: "2025-03-01T00:00:00.000Z" } })).toEqual(["Deal A"]);
    expect(await names("opportunities", { closeDate: { eq: "2025-03-01T00:00:00.000Z" } })).toEqual(["Deal B"]);
    expect(await names("opportunities", { closeDate: { in: ["2025-01-10T10:00:00.000Z", "2025-03-01T00:00:00Z"] } })).toEqual(["Deal A", "Deal B"]);
    expect(await names("opportunities", { closeDate: { is: "NULL" } })).toEqual(["Deal C"]);
    const literal = await gqlRead(`{ opportunities(filter: {closeDate: {gt: "2025-01-10T10:00:00.000Z", lte: "2025-03-01T00:00:00Z"}}) { edges { node { name } } } }`);
    expect(nodes(literal.opportunities)).toEqual([{ name: "Deal B" }]);
    expect(await names("pets", { lastVisit: { gt: "2025-01-01T00:00:00Z" } })).toEqual(["Rex"]);
    expect(await names("pets", { birthday: { lt: "2020-01-01" } })).toEqual(["Tom"]);
    expect(await names("pets", { birthday: { eq: "2021-04-01" } })).toEqual(["Rex"]);
    expect(await names("pets", { birthday: { is: "NOT_NULL" } })).toEqual(["Rex", "Tom"]);
    const date = await gqlRead(`query($d: Date) { pets(filter: {birthday: {gte: $d}}) { totalCount } }`, { d: "2018-01-01" });
    expect(date.pets.totalCount).toBe(1);
  });

  it("select, multi-select, array and raw JSON filters", async () => {
    expect(await names("opportunities", { stage: { eq: "MEETING" } })).toEqual(["Deal B"]);
    expect(await names("opportunities", { stage: { in: ["NEW", "CUSTOMER"] } })).toEqual(["Deal A", "Deal C"]);
    expect(await names("opportunities", { stage: { neq: "NEW" } })).toEqual(["Deal B", "Deal C"]);
    const literal = await gqlRead(`{ opportunities(filter: {stage: {in: [NEW, MEETING]}}) { totalCount } }`);
    expect(literal.opportunities.totalCount).toBe(2);
    expect(await names("pets", { species: { eq: "CAT" } })).toEqual(["Tom"]);
    expect(await names("pets", { traits: { containsAny: ["LOUD"] } })).toEqual(["Rex"]);
    // NULL counts as empty, as REST has it.
    expect(await names("pets", { traits: { isEmptyArray: true } })).toEqual(["Nemo", "Tom"]);
    expect(await names("pets", { traits: { is: "NULL" } })).toEqual(["Nemo"]);
    expect(await names("pets", { tags: { containsIlike: "%swi%" } })).toEqual(["Rex"]);
    expect(await names("pets", { tags: { containsAny: ["sleep"] } })).toEqual(["Tom"]);
    expect(await names("pets", { tags: { isEmptyArray: false } })).toEqual(["Rex", "Tom"]);
    expect(await names("pets", { extraData: { like: "%brown%" } })).toEqual(["Rex"]);
    expect(await names("pets", { extraData: { is: "NULL" } })).toEqual(["Nemo"]);
  });

  it("composite sub-field filters", async () => {
    expect(await names("people", { name: { firstName: { eq: "Jane" } } })).toEqual(["Jane"]);
    expect(await names("people", { name: { lastName: { ilike: "%o%" } } })).toEqual(["Jane", "John", "Phil"]);
    expect(await names("companies", { address: { addressCity: { eq: "Paris" } } })).toEqual(["Acme", "gamma labs"]);
    expect(await names("people", { emails: { primaryEmail: { eq: "john@acme.com" } } })).toEqual(["John"]);
    expect(await names("companies", { domainName: { primaryLinkUrl: { ilike: "%beta%" } } })).toEqual(["Beta Corp"]);
    expect(await names("opportunities", { amount: { amountMicros: { gt: 5_000_000 } } })).toEqual(["Deal B"]);
    expect(await names("opportunities", { amount: { currencyCode: { eq: "USD" }, amountMicros: { lte: 5_000_000 } } })).toEqual(["Deal A"]);
    expect(await names("pets", { vetEmail: { primaryEmail: { like: "vet@%" } } })).toEqual(["Rex"]);
  });

  it("TSVectorFilter search", async () => {
    expect(await names("companies", { searchVector: { search: "gamma" } })).toEqual(["gamma labs"]);
    expect(await names("people", { searchVector: { search: "jan" } })).toEqual(["Jane"]);
    expect(await names("pets", { searchVector: { search: "rex" } })).toEqual(["Rex"]);
  });

  it("and / or / not, nested", async () => {
    expect(await names("companies", { and: [{ address: { addressCity: { eq: "Paris" } } }, { employees: { is: "NOT_NULL" } }] })).toEqual(["Acme"]);
    expect(await names("companies", { or: [{ name: { eq: "Acme" } }, { employees: { gt: 20 } }] })).toEqual(["Acme", "Beta Corp"]);
    expect(await names("companies", { not: { name: { eq: "Acme" } } })).toEqual(["Beta Corp", "gamma labs"]);
    expect(await names("companies", { or: [{ and: [{ name: { ilike: "%a%" } }, { not: { employees: { is: "NULL" } } }] }, { name: { startsWith: "g" } }] })).toEqual([
      "Acme",
      "Beta Corp",
      "gamma labs",
    ]);
    expect(await names("companies", { not: { or: [{ name: { eq: "Acme" } }, { name: { eq: "Beta Corp" } }] } })).toEqual(["gamma labs"]);
    // Side-by-side keys AND together.
    expect(await names("people", { city: { eq: "Paris" }, name: { firstName: { eq: "Jane" } } })).toEqual([]);
  });

  it("soft-deleted rows appear only when the filter names deletedAt", async () => {
    expect(await names("companies", { employees: { eq: 7 } })).toEqual([]);
    expect(await names("companies", { deletedAt: { is: "NOT_NULL" } })).toEqual(["Gone Inc"]);
    expect(await names("companies", { or: [{ deletedAt: { is: "NULL" } }, { deletedAt: { is: "NOT_NULL" } }] })).toEqual(["Acme", "Beta Corp", "Gone Inc", "gamma labs"]);
    const count = await gqlRead(`{ companies(filter: {deletedAt: {is: NOT_NULL}}) { totalCount edges { node { id deletedAt } } } }`);
    expect(count.companies.totalCount).toBe(1);
    expect(count.companies.edges[0].node).toEqual({ id: ids.gone, deletedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
  });

  it("a bad operator for the type is BAD_USER_INPUT naming it", async () => {
    const res = await query(worker, ws.apiKeyToken, `query($f: PetFilterInput) { pets(filter: $f) { totalCount } }`, { f: { weight: { gt: "heavy" } } });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.data?.pets ?? null).toBeNull();
  });
});

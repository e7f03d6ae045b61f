import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
const rest = (path: string, init: Parameters<TestWorker["json"]>[1] = {}) => worker.json(path, { token: ws.apiKeyToken, ...init });

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "ops");
  const created = await gql(worker, `mutation { createOneObject(input: { object: { nameSingular: "gadget", namePlural: "gadgets", labelSingular: "Gadget", labelPlural: "Gadgets" } }) { id } }`, {}, { token: ws.accessToken });
  const objectMetadataId = created.data.createOneObject.id;
  const fields = [
    { type: "NUMBER", name: "weight", label: "Weight" },
    { type: "NUMERIC", name: "price", label: "Price" },
    { type: "BOOLEAN", name: "active", label: "Active" },
    { type: "DATE", name: "madeOn", label: "Made on" },
    { type: "DATE_TIME", name: "soldAt", label: "Sold at" },
    { type: "UUID", name: "ref", label: "Ref" },
    { type: "SELECT", name: "tier", label: "Tier", options: [{ label: "Gold", value: "GOLD" }, { label: "Silver", value: "SILVER" }] },
    { type: "MULTI_SELECT", name: "tags", label: "Tags", options: [{ label: "New", value: "NEW" }, { label: "Sale", value: "SALE" }, { label: "Eco", value: "ECO" }] },
    { type: "ARRAY", name: "aliases", label: "Aliases" },
    { type: "RAW_JSON", name: "extra", label: "Extra" },
    { type: "EMAILS", name: "contact", label: "Contact" },
    { type: "CURRENCY", name: "cost", label: "Cost" },
    { type: "LINKS", name: "site", label: "Site" },
    { type: "FULL_NAME", name: "maker", label: "Maker" },
  ];
  for (const field of fields) {
    const res = await gql(worker, `mutation($f: CreateFieldInput!) { createOneField(input: { field: $f }) { id } }`, { f: { ...field, objectMetadataId } }, { token: ws.accessToken });
    expect(res.errors).toBeUndefined();
  }
  const rows = [
    { name: "Alpha", weight: 1.5, price: 10, active: true, madeOn: "2024-01-10", soldAt: "2024-01-10T10:00:00Z", ref: "11111111-1111-4111-8111-111111111111", tier: "GOLD", tags: ["NEW", "SALE"], aliases: ["first", "one"], extra: { a: 1 }, contact: { primaryEmail: "alpha@acme.com" }, cost: { amountMicros: 1000000, currencyCode: "USD" }, site: { primaryLinkUrl: "alpha.com" }, maker: { firstName: "Ada", lastName: "Lovelace" } },
    { name: "Beta", weight: 2.5, price: 20, active: false, madeOn: "2024-02-10", soldAt: "2024-02-10T10:00:00Z", ref: "22222222-2222-4222-8222-222222222222", tier: "SILVER", tags: ["ECO"], aliases: ["second"], contact: { primaryEmail: "beta@other.org" }, cost: { amountMicros: 5000000, currencyCode: "EUR" }, maker: { firstName: "Bob", lastName: "" } },
    { name: "", weight: null, active: null, tier: null, tags: [], aliases: [] },
  ];
  expect((await rest("/rest/batch/gadgets", { method: "POST", body: rows })).status).toBe(201);
});
afterAll(() => worker?.close());

const names = async (filter: string) => {
  const res = await rest(`/rest/gadgets?depth=0&order_by=name&filter=${encodeURIComponent(filter)}`);
  expect(res.status, `${filter}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.data.gadgets.map((g: { name: string }) => g.name);
};

const cases: Array<[string, string[]]> = [
  ["name[eq]:Alpha", ["Alpha"]],
  ['name[eq]:""', [""]],
  ["name[neq]:Alpha", ["", "Beta"]],
  ["name[in]:[Alpha,Beta]", ["Alpha", "Beta"]],
  ["name[nin]:[Alpha]", ["", "Beta"]],
  ["name[is]:NULL", [""]],
  ["name[is]:NOT_NULL", ["Alpha", "Beta"]],
  ["name[like]:%lph%", ["Alpha"]],
  ["name[ilike]:%ALP%", ["Alpha"]],
  ["name[startsWith]:Al", ["Alpha"]],
  ["name[startsWith]:lp", []],
  ["name[endsWith]:eta", ["Beta"]],
  ["name[gt]:Alpha", ["Beta"]],
  ["not(name[eq]:Alpha)", ["", "Beta"]],
  ["weight[gt]:2", ["Beta"]],
  ["weight[lte]:1.5", ["Alpha"]],
  ["weight[is]:NULL", [""]],
  ["not(weight[gt]:2)", ["Alpha"]],
  ["weight[neq]:1.5", ["Beta"]],
  ["weight[nin]:[1.5]", ["Beta"]],
  ["not(weight[eq]:1.5)", ["Beta"]],
  ["madeOn[neq]:2024-01-10", ["Beta"]],
  ["not(soldAt[lt]:2024-02-01T00:00:00Z)", ["Beta"]],
  ["tier[neq]:GOLD", ["Beta"]],
  ["not(tier[eq]:GOLD)", ["Beta"]],
  ["not(name[like]:%lph%)", ["", "Beta"]],
  ["not(name[in]:[Alpha])", ["", "Beta"]],
  ["not(maker.firstName[eq]:Ada)", ["", "Beta"]],
  ["not(or(name[eq]:Alpha,weight[gt]:2))", []],
  ["price[gte]:15", ["Beta"]],
  ["active[eq]:true", ["Alpha"]],
  ["active[eq]:false", ["Beta"]],
  ["madeOn[lt]:2024-02-01", ["Alpha"]],
  ["soldAt[gte]:2024-02-01T00:00:00Z", ["Beta"]],
  ["ref[eq]:22222222-2222-4222-8222-222222222222", ["Beta"]],
  ["tier[eq]:GOLD", ["Alpha"]],
  ["tier[in]:[GOLD,SILVER]", ["Alpha", "Beta"]],
  ["tier[is]:NULL", [""]],
  ["tags[containsAny]:[SALE,ECO]", ["Alpha", "Beta"]],
  ["tags[isEmptyArray]:true", [""]],
  ["tags[eq]:NEW", ["Alpha"]],
  ["aliases[containsIlike]:%FIR%", ["Alpha"]],
  ["aliases[isEmptyArray]:true", [""]],
  ["extra[is]:NOT_NULL", ["Alpha"]],
  ['extra[like]:%"a": 1%', ["Alpha"]],
  ["contact.primaryEmail[ilike]:%@acme.com", ["Alpha"]],
  ["cost.amountMicros[gt]:2000000", ["Beta"]],
  ["cost.currencyCode[eq]:EUR", ["Beta"]],
  ["site.primaryLinkUrl[eq]:alpha.com", ["Alpha"]],
  ["maker.firstName[eq]:Bob", ["Beta"]],
  ["maker.lastName[is]:NULL", ["", "Beta"]],
  ["or(name[eq]:Alpha,weight[gt]:2)", ["Alpha", "Beta"]],
  ["and(name[neq]:Alpha,not(weight[is]:NULL))", ["Beta"]],
  ["searchVector[search]:alp", ["Alpha"]],
];

describe("every operator on the field types it applies to", () => {
  it.each(cases)("%s", async (filter, expected) => {
    expect(await names(filter)).toEqual(expected);
  });

  it("the bracket form filters the same way, repeated parameters ANDed", async () => {
    const res = await rest("/rest/gadgets?depth=0&filter[weight][gt]=1&filter[tier][eq]=SILVER");
    expect(res.body.data.gadgets.map((g: { name: string }) => g.name)).toEqual(["Beta"]);
    const list = await rest("/rest/gadgets?depth=0&filter[name][in]=Alpha,Beta&order[name]=desc");
    expect(list.body.data.gadgets.map((g: { name: string }) => g.name)).toEqual(["Beta", "Alpha"]);
  });
});

describe("bad filters are 400s naming field, operator and expected type", () => {
  const bad: Array<[string, string]> = [
    ["weight[eq]:heavy", 'Invalid number value NaN for field "weight"'],
    ["ref[eq]:x", `Invalid UUID value 'x' for field "ref"`],
    ["soldAt[gt]:yesterday", `Invalid value 'yesterday' for date-time field "soldAt". Expected format: 'YYYY-MM-DDTHH:mm:ssZ'`],
    ["tier[eq]:BRONZE", 'Invalid value "BRONZE" for field "tier". Valid values are: GOLD, SILVER'],
    ["name[containsAny]:[a]", 'Operator "containsAny" is not valid for field "name" of type TEXT - Allowed operators: eq, neq, in, nin, is, gt, gte, lt, lte, startsWith, endsWith, like, ilike'],
    ["name[regex]:a.*", "'filter' invalid for 'name[regex]', comparator regex not in eq, neq, in, nin, containsAny, is, gt, gte, lt, lte, startsWith, endsWith, like, ilike, containsIlike, isEmptyArray, search"],
    ["name[is]:maybe", 'Invalid filter value for "is" operator. Expected "NULL" or "NOT_NULL"'],
    ["name[in]:Alpha", "'filter' invalid for 'in' operator. Received 'Alpha' but array value expected eg: 'field[in]:[value_1,value_2]'"],
    ["color[eq]:red", 'Object gadget doesn\'t have any "color" field.'],
    ["maker[eq]:Ada", 'Composite field "maker" needs a sub-field, e.g. maker.firstName'],
    ["maker.middleName[eq]:x", 'Invalid subfield middleName for full_name field "maker"'],
    ["active[eq]:yes", `Invalid boolean value 'yes' for field "active"`],
    ["name[eq]:a)", "'filter' invalid. 1 open bracket is missing in the query"],
  ];
  it.each(bad)("%s", async (filter, message) => {
    const res = await rest(`/rest/gadgets?filter=${encodeURIComponent(filter)}`);
    expect(res.status).toBe(400);
    expect(res.body.messages).toEqual([message]);
  });
});

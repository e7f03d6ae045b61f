import { describe, expect, it } from "vitest";
import { buildStandardMetadata } from "../../src/metadata/provisioning/build-standard-metadata.ts";
import { standardObjects } from "../../src/metadata/standard-objects/index.ts";
import { WorkspaceMetadata } from "../../src/metadata/workspace-metadata.ts";
import type { ObjectMetadata } from "../../src/metadata/types.ts";
import type { FilterNode, FilterOperand } from "../../src/query/ast.ts";
import { aggregateCatalog, aggregateValueSql, resolveAggregates } from "../../src/query/plan/aggregates.ts";
import { decodeCursor, encodeCursor } from "../../src/query/plan/cursor.ts";
import { planFilter, type PlannedFilter } from "../../src/query/plan/plan-filter.ts";
import { planDimensions, planGroupOrder } from "../../src/query/plan/plan-group-by.ts";
import { planOrder } from "../../src/query/plan/plan-order.ts";
import { resolvePath } from "../../src/query/plan/resolve-path.ts";
import { parseRestFilter } from "../../src/query/rest/filter-grammar.ts";
import { parseOrderBy } from "../../src/query/rest/order-grammar.ts";
import { refusal } from "../harness/refusal.ts";
import { RecordAccess } from "../../src/query/access.ts";

const everything = RecordAccess.everything;

const metadata = new WorkspaceMetadata("00000000-0000-4000-8000-000000000001", "workspace_test", 1, buildStandardMetadata(standardObjects));
const object = (name: string): ObjectMetadata => metadata.objectsBySingular.get(name)!;
const company = object("company");
const person = object("person");
const opportunity = object("opportunity");
const someId = "3F2504E0-4F89-41D3-9A0C-0305E82C3301";

const condition = (path: string, operator: string, value: FilterOperand): FilterNode => ({ kind: "condition", path: path.split("."), operator, value });
/** The planned operand of a single REST condition on `on`. */
const operandOf = (on: ObjectMetadata, filter: string) => {
  const planned = planFilter(metadata, on, parseRestFilter(filter), "text", everything).filter;
  if (planned.kind !== "condition") throw new Error(`expected one condition, got ${planned.kind}`);
  return planned.operand;
};

describe("resolvePath", () => {
  it("resolves a scalar field, a composite sub-field and a join column to their columns", () => {
    const name = resolvePath(metadata, company, ["name"]);
    expect([name.column, name.leaf.typeName, name.via]).toEqual(["name", "TEXT", undefined]);
    const city = resolvePath(metadata, company, ["address", "addressCity"]);
    expect([city.column, city.key, city.field.name]).toEqual(["addressAddressCity", "address.addressCity", "address"]);
    // The join column is not a field of its own: it resolves to the relation, typed as a UUID.
    const companyId = resolvePath(metadata, person, ["companyId"]);
    expect([companyId.column, companyId.field.name, companyId.leaf.typeName]).toEqual(["companyId", "company", "UUID"]);
  });

  it("follows one many-to-one hop and records the join", () => {
    const target = resolvePath(metadata, person, ["company", "name"]);
    expect(target.column).toBe("name");
    expect(target.key).toBe("company.name");
    expect(target.via?.target.nameSingular).toBe("company");
    expect(target.via?.joinColumn).toBe("companyId");
  });

  it("refuses an unknown field with a message naming it", () => {
    const error = refusal(() => resolvePath(metadata, company, ["nmae"]));
    expect(error.code).toBe("UNKNOWN_FIELD");
    expect(error.message).toBe(`Object company doesn't have any "nmae" field.`);
  });

  it("refuses composites without or with an unknown sub-field, and sub-fields of scalars", () => {
    expect(refusal(() => resolvePath(metadata, company, ["address"])).message).toContain(`"address" needs a sub-field`);
    expect(refusal(() => resolvePath(metadata, company, ["address", "town"])).message).toContain("Invalid subfield town");
    expect(refusal(() => resolvePath(metadata, company, ["name", "first"])).message).toContain(`"name.first"`);
  });

  it("refuses one-to-many relations, bare relations and a second hop", () => {
    expect(refusal(() => resolvePath(metadata, company, ["people", "city"])).message).toContain("one-to-many relation");
    expect(refusal(() => resolvePath(metadata, person, ["company"])).message).toContain(`"companyId"`);
    expect(refusal(() => resolvePath(metadata, person, ["company", "accountOwner", "id"])).message).toContain("only one relation");
  });
});

describe("planFilter: operators", () => {
  it("refuses an operator the field type does not offer, naming field, operator and type", () => {
    const like = refusal(() => planFilter(metadata, company, condition("employees", "like", "1%"), "text", everything));
    expect(like.code).toBe("INVALID_FILTER_OPERATOR");
    expect(like.message).toMatch(/^Operator "like" is not valid for field "employees" of type NUMBER/);
    const gte = refusal(() => planFilter(metadata, company, condition("idealCustomerProfile", "gte", "true"), "text", everything));
    expect(gte.message).toMatch(/"gte" .* "idealCustomerProfile" of type BOOLEAN - Allowed operators: eq, neq, is$/);
    expect(refusal(() => planFilter(metadata, opportunity, condition("stage", "gt", "NEW"), "text", everything)).message).toContain("of type SELECT");
  });

  it("refuses an operator that does not exist at all", () => {
    const error = refusal(() => planFilter(metadata, company, condition("name", "contains", "a"), "text", everything));
    expect(error.code).toBe("INVALID_FILTER");
    expect(error.message).toContain("'name[contains]'");
  });
});

describe("planFilter: values", () => {
  it("types text operands per field: numbers, booleans, lower-cased uuids", () => {
    expect(operandOf(company, "employees[gte]:10")).toBe(10);
    expect(operandOf(company, "idealCustomerProfile[eq]:false")).toBe(false);
    expect(operandOf(company, `id[eq]:${someId}`)).toBe(someId.toLowerCase());
    expect(operandOf(company, "employees[in]:[1,2.5]")).toEqual([1, 2.5]);
  });

  it.each([
    ["a non-number for a NUMBER", company, "employees[eq]:ten", "employees"],
    ["a number list with a non-number", company, "employees[in]:[1,x]", "employees"],
    ["a non-boolean for a BOOLEAN", company, "idealCustomerProfile[eq]:yes", "idealCustomerProfile"],
    ["an unknown SELECT option", opportunity, "stage[eq]:WON", "stage"],
    ["a malformed uuid", company, "id[eq]:123", "id"],
    ["a malformed date-time", company, "createdAt[gt]:yesterday", "createdAt"],
    ["an impossible date", company, "createdAt[gt]:2024-13-45", "createdAt"],
    ["a bad value across a relation", person, "company.employees[lt]:many", "company.employees"],
  ])("refuses %s with a 400 naming the field", (_, on, filter, field) => {
    const error = refusal(() => planFilter(metadata, on, parseRestFilter(filter), "text", everything));
    expect(error.code).toBe("INVALID_FILTER_VALUE");
    expect(error.message).toContain(`"${field}"`);
  });

  it("lists the valid options when a SELECT value is refused", () => {
    expect(refusal(() => operandOf(opportunity, "stage[eq]:WON")).message).toContain("Valid values are: NEW, SCREENING, MEETING, PROPOSAL, CUSTOMER");
  });

  it("takes is NULL / NOT_NULL in any case and nothing else", () => {
    expect(operandOf(company, "name[is]:null")).toBe("NULL");
    expect(operandOf(company, "name[is]:not_null")).toBe("NOT_NULL");
    expect(refusal(() => operandOf(company, "name[is]:EMPTY")).message).toContain(`Expected "NULL" or "NOT_NULL"`);
  });

  it("needs a non-empty list for in, allows an empty nin, and refuses lists for single-value operators", () => {
    expect(refusal(() => planFilter(metadata, company, condition("name", "in", []), "json", everything)).message).toContain("non-empty array");
    expect(refusal(() => planFilter(metadata, company, condition("name", "in", "Acme"), "json", everything)).message).toContain("array value expected");
    expect(operandOf(company, "name[nin]:[]")).toEqual([]);
    expect(refusal(() => planFilter(metadata, company, condition("name", "eq", ["a"]), "json", everything)).message).toContain("not a list");
  });

  it("refuses a JSON null outside of is, and non-text JSON where text is required", () => {
    expect(refusal(() => planFilter(metadata, company, condition("name", "eq", null), "json", everything)).message).toContain(`Use "is"`);
    expect(refusal(() => planFilter(metadata, company, condition("name", "eq", 5), "json", everything)).code).toBe("INVALID_FILTER_VALUE");
    expect(refusal(() => planFilter(metadata, company, condition("employees", "eq", "5"), "json", everything)).code).toBe("INVALID_FILTER_VALUE");
  });
});

describe("planFilter: structure and soft deletion", () => {
  it("keeps and/or/not and resolves every leaf", () => {
    const planned = planFilter(metadata, company, parseRestFilter("or(name[eq]:Acme,not(address.addressCity[is]:NULL))"), "text", everything).filter;
    const leaf = (node: PlannedFilter) => (node.kind === "condition" ? `${node.target.column} ${node.operator}` : node.kind);
    expect(planned.kind).toBe("or");
    if (planned.kind !== "or") return;
    expect(planned.children.map(leaf)).toEqual(["name eq", "not"]);
    const negated = planned.children[1]!;
    expect(negated.kind === "not" && leaf(negated.child)).toBe("addressAddressCity is");
  });

  it("shows soft-deleted rows only to filters naming the object's own deletedAt", () => {
    expect(planFilter(metadata, company, parseRestFilter("deletedAt[is]:NOT_NULL"), "text", everything).mentionsDeletedAt).toBe(true);
    expect(planFilter(metadata, company, parseRestFilter("or(name[eq]:a,deletedAt[is]:NULL)"), "text", everything).mentionsDeletedAt).toBe(true);
    expect(planFilter(metadata, company, parseRestFilter("name[eq]:a"), "text", everything).mentionsDeletedAt).toBe(false);
    // The related record's deletedAt says nothing about this object's rows.
    expect(planFilter(metadata, person, parseRestFilter("company.deletedAt[is]:NULL"), "text", everything).mentionsDeletedAt).toBe(false);
  });
});

describe("planOrder", () => {
  it("keeps the requested directions and appends id as the tie-breaker", () => {
    const orders = planOrder(metadata, company, parseOrderBy("employees[DescNullsLast],address.addressCity[AscNullsLast],name[DescNullsFirst]"), everything);
    expect(orders.map((o) => [o.target.column, o.direction])).toEqual([
      ["employees", "DescNullsLast"],
      ["addressAddressCity", "AscNullsLast"],
      ["name", "DescNullsFirst"],
      ["id", "AscNullsFirst"],
    ]);
  });

  it("does not add id when the order already ends on it", () => {
    const orders = planOrder(metadata, company, parseOrderBy("id[DescNullsLast]"), everything);
    expect(orders.map((o) => [o.target.column, o.direction])).toEqual([["id", "DescNullsLast"]]);
  });

  it("refuses a bare composite, the search vector, unknown fields and a second relation hop", () => {
    expect(refusal(() => planOrder(metadata, company, parseOrderBy("address"), everything)).message).toContain(`Composite field "address" requires subfield ordering`);
    expect(refusal(() => planOrder(metadata, company, parseOrderBy("searchVector"), everything)).message).toContain("not sortable");
    expect(refusal(() => planOrder(metadata, company, parseOrderBy("nope"), everything)).code).toBe("UNKNOWN_FIELD");
    expect(refusal(() => planOrder(metadata, person, parseOrderBy("company.accountOwner.id"), everything)).code).toBe("INVALID_FIELD_PATH");
    expect(refusal(() => planOrder(metadata, person, parseOrderBy("company.address"), everything)).code).toBe("COMPOSITE_FIELD_NEEDS_SUBFIELD");
  });

  it("follows one many-to-one relation, keyed by the whole path", () => {
    const [first] = planOrder(metadata, person, parseOrderBy("company.address.addressCity[DescNullsLast]"), everything);
    expect(first!.target).toMatchObject({ key: "company.address.addressCity", column: "addressAddressCity", via: { joinColumn: "companyId" } });
    expect(first!.target.via!.table).toMatch(/^"workspace_[a-z0-9]+"\."company"$/);
  });
});

describe("cursors", () => {
  const orders = planOrder(metadata, person, parseOrderBy("name.firstName,city[DescNullsLast]"), everything);

  it("round-trips the values of every order key, non-ASCII and nulls included", () => {
    const cursor = encodeCursor({ "name.firstName": "Zoë 北京", city: null, id: someId });
    expect(cursor).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(decodeCursor(cursor, orders)).toEqual(["Zoë 北京", null, someId]);
  });

  it("accepts a cursor whose + became a space, and the base64url alphabet", () => {
    // "ÿ" encodes to bytes whose base64 contains + and / characters.
    const values = { "name.firstName": "ÿÿÿ>>>???", city: "x", id: someId };
    const cursor = encodeCursor(values);
    expect(cursor).toMatch(/[+/]/);
    expect(decodeCursor(cursor.replaceAll("+", " "), orders)[0]).toBe(values["name.firstName"]);
    expect(decodeCursor(cursor.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, ""), orders)[0]).toBe(values["name.firstName"]);
  });

  it.each([
    ["not base64", "%%%"],
    ["base64 of non-JSON", btoa("not json")],
    ["a JSON scalar", btoa("42")],
    ["a key missing", encodeCursor({ "name.firstName": "a", id: someId })],
    ["a number value", btoa(JSON.stringify({ "name.firstName": "a", city: 3, id: someId }))],
  ])("refuses a cursor that is %s with INVALID_CURSOR", (_, cursor) => {
    expect(refusal(() => decodeCursor(cursor, orders)).code).toBe("INVALID_CURSOR");
  });
});

describe("aggregates", () => {
  it("offers per-type aggregates and none for relations or text sums", () => {
    const names = [...aggregateCatalog(company).keys()];
    expect(names).toEqual(
      expect.arrayContaining(["totalCount", "countEmptyName", "percentageNotEmptyAddress", "sumEmployees", "avgEmployees", "countTrueIdealCustomerProfile", "minCreatedAt", "maxAnnualRecurringRevenueAmountMicros"]),
    );
    expect(names).not.toContain("sumName");
    expect(names.some((name) => name.endsWith("People") || name.endsWith("AccountOwner"))).toBe(false);
  });

  it("refuses an unknown aggregate, naming it", () => {
    const error = refusal(() => resolveAggregates(company, ["totalCount", "sumName"]));
    expect(error.code).toBe("UNKNOWN_AGGREGATE");
    expect(error.message).toContain(`"sumName"`);
  });

  it("writes counts as text and sums as floats, with the identifier quoted", () => {
    const [count, sum] = resolveAggregates(company, ["countNotEmptyName", "sumEmployees"]);
    expect(aggregateValueSql(count!, "g")).toBe(`(count(*) FILTER (WHERE NOT coalesce(g."name", '') = ''))::text`);
    expect(aggregateValueSql(sum!, "g")).toBe(`(sum(g."employees"))::float8`);
  });
});

describe("group-by planning", () => {
  it("plans scalar, date, composite and join-column dimensions", () => {
    const dimensions = planDimensions(metadata, opportunity, [
      { stage: true },
      { closeDate: { granularity: "DAY_OF_THE_WEEK", timeZone: "Europe/Paris", weekStartDay: "SUNDAY" } },
      { amount: { currencyCode: true } },
      { companyId: true },
    ]);
    expect(dimensions.map((d) => [d.target.column, d.granularity ?? null, d.timeZone, d.weekStartDay])).toEqual([
      ["stage", null, "UTC", "MONDAY"],
      ["closeDate", "DAY_OF_THE_WEEK", "Europe/Paris", "SUNDAY"],
      ["amountCurrencyCode", null, "UTC", "MONDAY"],
      ["companyId", null, "UTC", "MONDAY"],
    ]);
  });

  it.each([
    ["not an array", { stage: true }, "Invalid group_by"],
    ["an empty array", [], "Invalid group_by"],
    ["two fields in one entry", [{ stage: true, name: true }], "names one field"],
    ["a bad granularity", [{ closeDate: { granularity: "HOUR" } }], "granularity must be one of"],
    ["an unknown time zone", [{ closeDate: { granularity: "DAY", timeZone: "Mars/Olympus" } }], `Unknown time zone "Mars/Olympus"`],
    ["a composite without sub-field", [{ amount: true }], "names one field"],
  ])("refuses %s", (_, groupBy, message) => {
    expect(refusal(() => planDimensions(metadata, opportunity, groupBy)).message).toContain(message);
  });

  it("orders groups by their dimensions by default, or by dimensions and aggregates as asked", () => {
    const dimensions = planDimensions(metadata, opportunity, [{ stage: true }, { companyId: true }]);
    expect(planGroupOrder(opportunity, dimensions, undefined)).toEqual([
      { kind: "dimension", index: 0, direction: "AscNullsFirst" },
      { kind: "dimension", index: 1, direction: "AscNullsFirst" },
    ]);
    const orders = planGroupOrder(opportunity, dimensions, [{ companyId: "DescNullsLast" }, { aggregate: { totalCount: "AscNullsLast" } }]);
    expect(orders[0]).toEqual({ kind: "dimension", index: 1, direction: "DescNullsLast" });
    expect(orders[1]?.kind === "aggregate" && [orders[1].aggregate.name, orders[1].direction]).toEqual(["totalCount", "AscNullsLast"]);
    expect(refusal(() => planGroupOrder(opportunity, dimensions, [{ name: "AscNullsFirst" }])).message).toContain("not grouped by");
    expect(refusal(() => planGroupOrder(opportunity, dimensions, [{ stage: "asc" }])).message).toContain("Direction must be one of");
  });

  it("orders by the composite sub-field named, when two sub-fields of one composite are grouped", () => {
    const dimensions = planDimensions(metadata, company, [{ address: { addressCity: true } }, { address: { addressCountry: true } }]);
    const [order] = planGroupOrder(company, dimensions, [{ address: { addressCountry: "DescNullsLast" } }]);
    expect(order).toEqual({ kind: "dimension", index: 1, direction: "DescNullsLast" });
  });
});

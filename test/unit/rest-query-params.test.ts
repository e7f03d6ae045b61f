import { describe, expect, it } from "vitest";
import { parseBracketFilters } from "../../src/query/rest/bracket-filter.ts";
import { parseBracketOrder, parseOrderBy } from "../../src/query/rest/order-grammar.ts";
import {
  assertKnownParams,
  flag,
  parseDepth,
  parseFilterParams,
  parseOrderParams,
  parsePage,
  queryParamsOf,
  type QueryParams,
} from "../../src/query/rest/query-params.ts";
import { refusal } from "../harness/refusal.ts";

/** The parameters of a query string, as the handlers see them (decoded, in order, repeats kept). */
const q = (query: string): QueryParams => queryParamsOf(`https://crm.test/rest/people?${query}`);

const orderMessage = (direction: string) =>
  `'order_by' direction '${direction}' invalid. Allowed values are 'AscNullsFirst', 'AscNullsLast', 'DescNullsFirst', 'DescNullsLast'. eg: ?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3`;

describe("parseBracketFilters", () => {
  it("reads filter[field][op]=value, with eq when the operator is left out", () => {
    expect(parseBracketFilters(q("filter[name][ilike]=acme"))).toEqual({ kind: "condition", path: ["name"], operator: "ilike", value: "acme" });
    expect(parseBracketFilters(q("filter[stage]=NEW"))).toEqual({ kind: "condition", path: ["stage"], operator: "eq", value: "NEW" });
  });

  it("ANDs repeated parameters, in order", () => {
    expect(parseBracketFilters(q("filter[stage]=NEW&filter[amount][gte]=10&filter[stage][neq]=LOST"))).toEqual({
      kind: "and",
      children: [
        { kind: "condition", path: ["stage"], operator: "eq", value: "NEW" },
        { kind: "condition", path: ["amount"], operator: "gte", value: "10" },
        { kind: "condition", path: ["stage"], operator: "neq", value: "LOST" },
      ],
    });
  });

  it("splits list operators on commas, with or without brackets and quotes", () => {
    expect(parseBracketFilters(q("filter[id][in]=a,b"))).toMatchObject({ operator: "in", value: ["a", "b"] });
    expect(parseBracketFilters(q('filter[id][in]=[a,"b"]'))).toMatchObject({ value: ["a", "b"] });
    expect(parseBracketFilters(q("filter[id][nin]=[ 'a' , b ]"))).toMatchObject({ operator: "nin", value: ["a", "b"] });
    expect(parseBracketFilters(q("filter[tags][containsAny]=[]"))).toMatchObject({ value: [] });
  });

  it("keeps commas for operators that take one value", () => {
    expect(parseBracketFilters(q("filter[name][eq]=a,b"))).toMatchObject({ value: "a,b" });
  });

  it("splits dotted fields", () => {
    expect(parseBracketFilters(q("filter[company.id][eq]=x"))).toEqual({ kind: "condition", path: ["company", "id"], operator: "eq", value: "x" });
  });

  it("ignores parameters that are not bracket filters", () => {
    expect(parseBracketFilters(q("filter=name[eq]:x&limit=5&order[name]=asc&filters[a]=b"))).toBeUndefined();
  });

  it("refuses fields that are not name or name.subField", () => {
    for (const field of ["1abc", "a-b", "a..b", "a.", "a b"]) {
      const error = refusal(() => parseBracketFilters([[`filter[${field}][eq]`, "x"]]));
      expect(error.code).toBe("INVALID_FILTER");
      expect(error.message).toBe(`'filter[${field}][eq]' invalid: the field must be a name or name.subField`);
    }
  });
});

describe("parseOrderBy", () => {
  it("defaults each item to AscNullsFirst and reads explicit directions", () => {
    expect(parseOrderBy("createdAt[DescNullsLast],city, name.lastName[AscNullsLast]")).toEqual([
      { path: ["createdAt"], direction: "DescNullsLast" },
      { path: ["city"], direction: "AscNullsFirst" },
      { path: ["name", "lastName"], direction: "AscNullsLast" },
    ]);
  });

  it("refuses an unknown or wrongly cased direction with Twenty's message", () => {
    for (const direction of ["asc", "DESC", "descNullsLast", ""]) {
      const error = refusal(() => parseOrderBy(`name[${direction}]`));
      expect(error.code).toBe("INVALID_ORDER_BY");
      expect(error.message).toBe(orderMessage(direction));
    }
  });

  it("refuses an item that is not a field", () => {
    expect(refusal(() => parseOrderBy("1name")).message).toBe("'order_by' invalid for '1name'. eg: ?order_by=field_1[AscNullsFirst],field_2");
  });
});

describe("parseBracketOrder", () => {
  it("maps asc to AscNullsFirst and desc to DescNullsLast, case-insensitively", () => {
    expect(parseBracketOrder(q("order[createdAt]=desc&order[name.lastName]=asc&order[city]=DESC&limit=1"))).toEqual([
      { path: ["createdAt"], direction: "DescNullsLast" },
      { path: ["name", "lastName"], direction: "AscNullsFirst" },
      { path: ["city"], direction: "DescNullsLast" },
    ]);
  });

  it("refuses any other value", () => {
    const error = refusal(() => parseBracketOrder(q("order[createdAt]=up")));
    expect(error.code).toBe("INVALID_ORDER_BY");
    expect(error.message).toBe("'order[createdAt]' must be asc or desc, not 'up'");
  });
});

describe("assertKnownParams", () => {
  it("accepts allowed names, and bracket forms only where filter/order_by are allowed", () => {
    expect(() => assertKnownParams(q("limit=1&filter[name][eq]=x&order[name]=asc"), ["limit", "filter", "order_by"])).not.toThrow();
    expect(refusal(() => assertKnownParams(q("filter[name][eq]=x"), ["depth"])).message).toBe(
      'Unknown query parameter "filter[name][eq]". Allowed parameters: depth',
    );
    expect(refusal(() => assertKnownParams(q("order[name]=asc"), ["filter"])).message).toContain('"order[name]"');
  });

  it("names the unknown parameter and lists what is allowed", () => {
    const error = refusal(() => assertKnownParams(q("limit=1&startingAfter=x"), ["limit", "filter", "order_by"]));
    expect(error.code).toBe("UNKNOWN_QUERY_PARAMETER");
    expect(error.message).toBe('Unknown query parameter "startingAfter". Allowed parameters: limit, filter, order_by, filter[field][op], order[field]');
  });
});

describe("parsePage", () => {
  it("defaults to the first 60 and clamps larger limits to 200", () => {
    expect(parsePage([])).toEqual({ first: 60 });
    expect(parsePage(q("limit=0"))).toEqual({ first: 0 });
    expect(parsePage(q("limit=200"))).toEqual({ first: 200 });
    expect(parsePage(q("limit=500"))).toEqual({ first: 200 });
  });

  it("refuses a limit that is not a non-negative integer", () => {
    for (const raw of ["-1", "abc", "1.5", ""]) {
      const error = refusal(() => parsePage([["limit", raw]]));
      expect(error.message).toBe(`limit '${raw}' is invalid. Should be an integer`);
    }
  });

  it("reads forward cursors under both names", () => {
    expect(parsePage(q("limit=5&starting_after=c1"))).toEqual({ first: 5, after: "c1" });
    expect(parsePage(q("after=c1"))).toEqual({ first: 60, after: "c1" });
    expect(parsePage(q("starting_after=c1&after=c1"))).toEqual({ first: 60, after: "c1" });
  });

  it("turns a backward cursor into last/before", () => {
    expect(parsePage(q("limit=5&ending_before=c9"))).toEqual({ last: 5, before: "c9" });
    expect(parsePage(q("before=c9"))).toEqual({ last: 60, before: "c9" });
  });

  it("reads offset", () => {
    expect(parsePage(q("limit=10&offset=20"))).toEqual({ first: 10, offset: 20 });
    expect(refusal(() => parsePage(q("offset=x"))).message).toBe("offset 'x' is invalid. Should be an integer");
  });

  it("refuses conflicting combinations", () => {
    expect(refusal(() => parsePage(q("starting_after=a&ending_before=b"))).message).toBe("Cannot provide both before and after");
    expect(refusal(() => parsePage(q("after=a&before=b"))).message).toBe("Cannot provide both before and after");
    expect(refusal(() => parsePage(q("offset=5&after=a"))).message).toBe("Cannot provide both offset and a cursor");
    expect(refusal(() => parsePage(q("offset=5&ending_before=a"))).message).toBe("Cannot provide both offset and a cursor");
    expect(refusal(() => parsePage(q("starting_after=a&after=b"))).message).toBe("Cannot provide both starting_after and after");
    expect(refusal(() => parsePage(q("ending_before=a&before=b"))).message).toBe("Cannot provide both ending_before and before");
  });
});

describe("parseDepth", () => {
  it("defaults to 1 (or the route's fallback) and accepts 0, 1 and 2", () => {
    expect(parseDepth([])).toBe(1);
    expect(parseDepth([], 0)).toBe(0);
    expect(parseDepth(q("depth=0"))).toBe(0);
    expect(parseDepth(q("depth=1"))).toBe(1);
    expect(parseDepth(q("depth=2"))).toBe(2);
  });

  it("refuses anything else", () => {
    for (const raw of ["3", "-1", "one", ""]) {
      const error = refusal(() => parseDepth([["depth", raw]]));
      expect(error.code).toBe("INVALID_DEPTH");
      expect(error.message).toBe(`'depth=${raw}' parameter invalid. Allowed values are 0, 1, 2`);
    }
  });
});

describe("parseFilterParams", () => {
  const a = { kind: "condition", path: ["a"], operator: "eq", value: "1" } as const;
  const b = { kind: "condition", path: ["b"], operator: "gt", value: "2" } as const;

  it("reads either form alone, and nothing when absent or empty", () => {
    expect(parseFilterParams(q("filter=a[eq]:1"))).toEqual(a);
    expect(parseFilterParams(q("filter[b][gt]=2"))).toEqual(b);
    expect(parseFilterParams(q("limit=1"))).toBeUndefined();
    expect(parseFilterParams(q("filter=%20"))).toBeUndefined();
  });

  it("ANDs the filter= string with the bracket form", () => {
    expect(parseFilterParams(q("filter[b][gt]=2&filter=a[eq]:1"))).toEqual({ kind: "and", children: [a, b] });
  });

  it("decodes the URL before parsing the grammar", () => {
    expect(parseFilterParams(q("filter=name%5Beq%5D%3A%22a%2Cb%22"))).toEqual({ kind: "condition", path: ["name"], operator: "eq", value: "a,b" });
  });

  it("passes grammar errors through", () => {
    expect(refusal(() => parseFilterParams(q("filter=and(a[eq]:1"))).code).toBe("INVALID_FILTER");
  });
});

describe("parseOrderParams", () => {
  it("reads order_by or its alias orderBy, then the bracket form", () => {
    expect(parseOrderParams(q("order_by=name[DescNullsFirst]&order[city]=desc"))).toEqual([
      { path: ["name"], direction: "DescNullsFirst" },
      { path: ["city"], direction: "DescNullsLast" },
    ]);
    expect(parseOrderParams(q("orderBy=city"))).toEqual([{ path: ["city"], direction: "AscNullsFirst" }]);
    expect(parseOrderParams(q("limit=1"))).toEqual([]);
  });

  it("uses the last of order_by/orderBy when both are given", () => {
    expect(parseOrderParams(q("order_by=a&orderBy=b"))).toEqual([{ path: ["b"], direction: "AscNullsFirst" }]);
  });
});

describe("flag", () => {
  it("reads true/false, false when absent, and refuses anything else", () => {
    expect(flag(q("upsert=true"), "upsert")).toBe(true);
    expect(flag(q("upsert=false"), "upsert")).toBe(false);
    expect(flag(q("depth=1"), "upsert")).toBe(false);
    const error = refusal(() => flag(q("soft_delete=yes"), "soft_delete"));
    expect(error.message).toBe("'soft_delete' must be true or false, not 'yes'");
  });
});

describe("bracket-form lists with quoted commas", () => {
  it("keeps a quoted item whole", () => {
    expect(parseBracketFilters([["filter[name][in]", '["a,b",c]']])).toEqual({ kind: "condition", path: ["name"], operator: "in", value: ["a,b", "c"] });
  });
});

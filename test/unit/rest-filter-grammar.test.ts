import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors/app-error.ts";
import type { FilterNode, FilterOperand } from "../../src/query/ast.ts";
import { parseRestFilter, printRestFilter } from "../../src/query/rest/filter-grammar.ts";

const leaf = (path: string, operator: string, value: FilterOperand): FilterNode => ({
  kind: "condition",
  path: path.split("."),
  operator,
  value,
});

/** The AppError parseRestFilter throws for `text` (fails the test when it returns or throws something else). */
function filterError(text: string): AppError {
  try {
    parseRestFilter(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.status).toBe(400);
    expect(appError.code).toBe("INVALID_FILTER");
    return appError;
  }
  throw new Error(`expected '${text}' to be refused`);
}

describe("parseRestFilter: structure", () => {
  it("parses a single leaf as that condition", () => {
    expect(parseRestFilter("name[eq]:Acme")).toEqual(leaf("name", "eq", "Acme"));
  });

  it("reads a comma list at the root as an and", () => {
    expect(parseRestFilter("name[eq]:Acme,employees[gte]:10")).toEqual({
      kind: "and",
      children: [leaf("name", "eq", "Acme"), leaf("employees", "gte", "10")],
    });
  });

  it("nests and(), or() and not()", () => {
    expect(parseRestFilter("or(and(a[eq]:1,b[neq]:2),not(c[is]:NULL))")).toEqual({
      kind: "or",
      children: [
        { kind: "and", children: [leaf("a", "eq", "1"), leaf("b", "neq", "2")] },
        { kind: "not", child: leaf("c", "is", "NULL") },
      ],
    });
  });

  it("returns a root and() as that and-node, even with one child", () => {
    expect(parseRestFilter("and(a[eq]:1)")).toEqual({ kind: "and", children: [leaf("a", "eq", "1")] });
  });

  it("refuses a not() with two conditions, with Twenty's message", () => {
    expect(filterError("not(a[eq]:1,b[eq]:2)").message).toBe(
      "'filter' invalid. 'not' conjunction should contain only 1 condition. eg: not(field[eq]:1)",
    );
  });

  it("splits dotted paths into segments", () => {
    expect(parseRestFilter("name.firstName[eq]:Bob")).toEqual(leaf("name.firstName", "eq", "Bob"));
    expect(parseRestFilter("company.name[eq]:Acme")).toEqual({ kind: "condition", path: ["company", "name"], operator: "eq", value: "Acme" });
  });

  it("does not mistake fields named and/or/not for conjunctions", () => {
    expect(parseRestFilter("and[eq]:x,not.or[eq]:y")).toEqual({
      kind: "and",
      children: [leaf("and", "eq", "x"), leaf("not.or", "eq", "y")],
    });
  });

  it("parses the worked example of §8", () => {
    expect(parseRestFilter('and(city[eq]:"Paris",or(jobTitle[ilike]:"%cto%",emails.primaryEmail[like]:"%@acme.com"))')).toEqual({
      kind: "and",
      children: [
        leaf("city", "eq", "Paris"),
        { kind: "or", children: [leaf("jobTitle", "ilike", "%cto%"), leaf("emails.primaryEmail", "like", "%@acme.com")] },
      ],
    });
  });

  it("tolerates spaces around tokens", () => {
    expect(parseRestFilter(" and ( a [eq] : 1 ,  b[eq]:  two words  ) ")).toEqual({
      kind: "and",
      children: [leaf("a", "eq", "1"), leaf("b", "eq", "two words")],
    });
  });
});

describe("parseRestFilter: values", () => {
  it("keeps commas, parentheses and brackets inside quotes", () => {
    expect(parseRestFilter('and(a[eq]:"a,b",b[eq]:\'x(y)\',c[eq]:"[z]")')).toEqual({
      kind: "and",
      children: [leaf("a", "eq", "a,b"), leaf("b", "eq", "x(y)"), leaf("c", "eq", "[z]")],
    });
  });

  it("unescapes backslash-escaped quotes", () => {
    expect(parseRestFilter('title[eq]:"say \\"hi\\""')).toEqual(leaf("title", "eq", 'say "hi"'));
    expect(parseRestFilter("title[eq]:'it\\'s'")).toEqual(leaf("title", "eq", "it's"));
  });

  it("reads arrays of bare and quoted items, and the empty array", () => {
    expect(parseRestFilter("id[in]:[a,\"b\",'c']")).toEqual(leaf("id", "in", ["a", "b", "c"]));
    expect(parseRestFilter("id[in]:[ a , b ]")).toEqual(leaf("id", "in", ["a", "b"]));
    expect(parseRestFilter("id[in]:[]")).toEqual(leaf("id", "in", []));
  });

  it("keeps balanced parentheses inside a bare value", () => {
    expect(parseRestFilter("name[eq]:Acme (US)")).toEqual(leaf("name", "eq", "Acme (US)"));
    expect(parseRestFilter("or(name[eq]:Acme (US),name[eq]:Beta)")).toEqual({
      kind: "or",
      children: [leaf("name", "eq", "Acme (US)"), leaf("name", "eq", "Beta")],
    });
  });

  it("keeps every value as text", () => {
    expect(parseRestFilter("and(a[gte]:10,b[eq]:true,c[is]:NULL,d[eq]:\"\")")).toEqual({
      kind: "and",
      children: [leaf("a", "gte", "10"), leaf("b", "eq", "true"), leaf("c", "is", "NULL"), leaf("d", "eq", "")],
    });
  });
});

describe("parseRestFilter: errors", () => {
  it("counts missing close brackets, singular and plural", () => {
    expect(filterError("and(a[eq]:1").message).toBe("'filter' invalid. 1 close bracket is missing in the query");
    expect(filterError("and(or(a[eq]:1").message).toBe("'filter' invalid. 2 close brackets are missing in the query");
  });

  it("counts missing open brackets", () => {
    expect(filterError("a[eq]:1)").message).toBe("'filter' invalid. 1 open bracket is missing in the query");
    expect(filterError("and(a[eq]:1)))").message).toBe("'filter' invalid. 2 open brackets are missing in the query");
  });

  it("ignores parentheses inside quotes when counting", () => {
    expect(parseRestFilter('and(a[eq]:"(",b[eq]:")")')).toEqual({ kind: "and", children: [leaf("a", "eq", "("), leaf("b", "eq", ")")] });
  });

  it("refuses a leaf without operator or value, naming it", () => {
    expect(filterError("name").message).toBe("'filter' invalid for 'name'. eg: price[gte]:10");
    expect(filterError("and(name[eq]:,b[eq]:1)").message).toBe("'filter' invalid for 'name[eq]:'. eg: price[gte]:10");
    expect(filterError("name[eq]").message).toBe("'filter' invalid for 'name[eq]'. eg: price[gte]:10");
  });

  it("refuses an empty filter", () => {
    expect(filterError("").message).toBe("'filter' invalid. The filter is empty. eg: price[gte]:10");
    expect(filterError("   ").message).toBe("'filter' invalid. The filter is empty. eg: price[gte]:10");
  });

  it("refuses an unterminated quote", () => {
    expect(filterError('name[eq]:"Acme').message).toBe("'filter' invalid. A quoted value is not closed");
    expect(filterError('name[eq]:"Acme\\"').message).toBe("'filter' invalid. A quoted value is not closed");
  });

  it("refuses trailing text and unclosed arrays", () => {
    expect(filterError("a[eq]:x]").message).toBe("'filter' invalid. Unexpected ']' at position 7");
    expect(filterError("a[in]:[x,y").message).toBe("'filter' invalid. Array values must be separated by ',' and closed by ']'");
  });
});

// ---- properties ----

const identifier = fc.oneof(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), fc.constantFrom("and", "or", "not"));
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('"', "'", "\\", ",", "(", ")", "[", "]", ":", " ", "a", "é"), maxLength: 12 }),
);
const operand: fc.Arbitrary<FilterOperand> = fc.oneof(text, fc.array(text, { maxLength: 4 }));
const condition: fc.Arbitrary<FilterNode> = fc.record({
  kind: fc.constant("condition" as const),
  path: fc.array(identifier, { minLength: 1, maxLength: 3 }),
  operator: fc.constantFrom("eq", "neq", "in", "is", "gte", "lt", "ilike", "startsWith", "containsAny"),
  value: operand,
});
const tree = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", maxDepth: 4 },
    condition,
    fc.record({ kind: fc.constantFrom("and" as const, "or" as const), children: fc.array(tie("node"), { minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant("not" as const), child: tie("node") }),
  ),
})).node;

describe("parseRestFilter: properties", () => {
  // Fields named and/or/not are safe: a conjunction needs "(" right after the keyword, a field has "[" or ".".
  it("parses back what printRestFilter prints", () => {
    fc.assert(
      fc.property(tree, (node) => {
        expect(parseRestFilter(printRestFilter(node))).toEqual(node);
      }),
      { numRuns: 300 },
    );
  });

  it("reads printed nodes joined by commas at the root as an and of them", () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 2, maxLength: 4 }), (nodes) => {
        expect(parseRestFilter(nodes.map(printRestFilter).join(","))).toEqual({ kind: "and", children: nodes });
      }),
      { numRuns: 100 },
    );
  });

  const neverCrashes = (input: string) => {
    try {
      const node = parseRestFilter(input);
      expect(["and", "or", "not", "condition"]).toContain(node.kind);
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 400) throw error;
    }
  };

  it("returns a node or a 400 AppError for arbitrary strings", () => {
    fc.assert(fc.property(fc.string(), neverCrashes), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), neverCrashes), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: "binary" }), neverCrashes), { numRuns: 1000 });
  });

  it("returns a node or a 400 AppError for strings over the grammar's alphabet", () => {
    const token = fc.constantFrom("a", "b.c", "(", ")", ",", "[", "]", ":", '"', "'", "\\", ".", "[eq]:", "and(", "or(", "not(", " ");
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => neverCrashes(tokens.join(""))),
      { numRuns: 1000 },
    );
  });
});

describe("regressions found by review", () => {
  it("an apostrophe or a double quote inside a bare value does not open a quote", () => {
    expect(parseRestFilter(`and(name[eq]:O'Brien,city[eq]:Paris)`)).toEqual({
      kind: "and",
      children: [
        { kind: "condition", path: ["name"], operator: "eq", value: "O'Brien" },
        { kind: "condition", path: ["city"], operator: "eq", value: "Paris" },
      ],
    });
    expect(parseRestFilter(`and(title[eq]:5" screen)`)).toEqual({ kind: "and", children: [{ kind: "condition", path: ["title"], operator: "eq", value: '5" screen' }] });
  });

  it("an unclosed parenthesis inside a bare value is a missing bracket", () => {
    expect(() => parseRestFilter("name[eq]:O'Brien,city[eq]:(x")).toThrow("'filter' invalid. 1 close bracket is missing in the query");
  });

  it("nesting beyond 32 levels is a 400, not a stack overflow", () => {
    const deep = `${"and(".repeat(5000)}a[eq]:1${")".repeat(5000)}`;
    expect(() => parseRestFilter(deep)).toThrow("nested deeper than 32 levels");
    expect(() => parseRestFilter(`a[in]:${"[".repeat(9000)}`)).toThrow(/nested deeper than 32 levels|missing/);
  });
});

import fc from "fast-check";
import { buildSchema, getIntrospectionQuery, parse, validate, type GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { measureComplexity } from "../../src/graphql/limits/complexity.ts";
import { defaultGraphQLLimits } from "../../src/graphql/limits/config.ts";
import { measureDepth } from "../../src/graphql/limits/depth.ts";
import { checkDocumentLimits, checkSourceLimits } from "../../src/graphql/limits/document-limits.ts";
import { checkDocumentSize, utf8ByteLength } from "../../src/graphql/limits/document-size.ts";
import { measureFieldCount } from "../../src/graphql/limits/field-count.ts";
import { IntrospectionNeedsAuthentication } from "../../src/graphql/limits/introspection.ts";
import { measureNesting } from "../../src/graphql/limits/nesting.ts";
import { measureRootFields } from "../../src/graphql/limits/root-fields.ts";

const schema = buildSchema(`
  type Query { companies: CompanyConnection! company: Company tags: [String!]! }
  type CompanyConnection { edges: [CompanyEdge!]! totalCount: Int! }
  type CompanyEdge { node: Company! }
  type Company { id: ID! name: String! address: Address people: PersonConnection! }
  type Address { city: String street: String }
  type PersonConnection { edges: [PersonEdge!]! }
  type PersonEdge { node: Person! }
  type Person { id: ID! name: FullName company: Company! notes: PersonConnection! }
  type FullName { firstName: String lastName: String }
`);

const doc = (text: string) => parse(text);
const aliases = (count: number, field: string, prefix = "a") =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}: ${field}`).join(" ");
const nest = (levels: number, field: string, leaf: string) => `${`${field} { `.repeat(levels)}${leaf}${" }".repeat(levels)}`;

describe("utf8ByteLength / checkDocumentSize", () => {
  it("counts UTF-8 bytes, surrogate pairs as 4 and lone surrogates as 3 (like TextEncoder)", () => {
    expect(utf8ByteLength("{ a }")).toBe(5);
    expect(utf8ByteLength("é€😀")).toBe(2 + 3 + 4);
    expect(utf8ByteLength("\ud800x\udc00")).toBe(3 + 1 + 3);
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => utf8ByteLength(text) === new TextEncoder().encode(text).byteLength));
  });

  it("passes a document at the limit and refuses one byte more, naming both sizes", () => {
    expect(checkDocumentSize("x".repeat(1000), 1000)).toBeUndefined();
    expect(checkDocumentSize(`${"x".repeat(998)}é`, 1000)).toBeUndefined();
    const error = checkDocumentSize(`${"x".repeat(999)}é`, 1000);
    expect(error?.message).toBe("Query too large - Document size: 1001 bytes - Maximum allowed size: 1000 bytes");
    expect(error?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", subCode: "QUERY_TOO_LARGE" });
  });
});

describe("measureNesting", () => {
  it("counts braces and brackets, not those in strings, block strings or comments", () => {
    expect(measureNesting("{ a { b } }")).toBe(2);
    expect(measureNesting(`{ a(f: { x: [[1]] }) { b } }`)).toBe(4);
    expect(measureNesting(`{ a(s: "{{{{[[", t: """ {{{ \\""" [[ """) { b } } # {{{{{`)).toBe(2);
  });

  it("measures text the parser would overflow on, and stops at a lexical error", () => {
    const deep = `{${"a{".repeat(5000)}b${"}".repeat(5001)}`;
    expect(measureNesting(deep)).toBe(5001);
    expect(checkSourceLimits(deep, defaultGraphQLLimits)?.message).toBe(
      "Query too complex - Nesting of braces and brackets: 5001 - Maximum allowed nesting: 100",
    );
    expect(measureNesting(`{ { { "unterminated`)).toBe(3);
  });
});

describe("measureDepth", () => {
  it("counts fields on the longest path; a root field is 1", () => {
    expect(measureDepth(doc("{ company { id } tags }"), schema)).toBe(2);
    expect(measureDepth(doc(`{ ${nest(19, "company", "id")} }`), schema)).toBe(20);
  });

  it("keeps the deepest record query the engine serves (5 connections and a composite leaf) under the limit", () => {
    const connection = (inner: string) => `people { edges { node { id ${inner} } } }`;
    const five = `{ companies { edges { node { ${connection(connection(connection(connection("name { firstName }"))))} } } } }`;
    expect(measureDepth(doc(five), schema)).toBe(17);
      });

  it("expands named and inline fragments where they are spread", () => {
    const text = `{ company { ...A } } fragment A on Company { ... on Company { address { ...B } } } fragment B on Address { city }`;
    expect(measureDepth(doc(text), schema)).toBe(3);
  });

  it("ends on fragment cycles", () => {
    const text = `{ company { ...A } } fragment A on Company { id people { edges { node { company { ...A } } } } }`;
    expect(measureDepth(doc(text), schema)).toBe(5);
    expect(measureDepth(doc(`{ ...Q } fragment Q on Query { ...Q tags }`), schema)).toBe(1);
  });
});

describe("measureFieldCount / measureRootFields", () => {
  it("counts aliases and each spread of a fragment, but not __typename", () => {
    expect(measureFieldCount(doc(`{ company { ${aliases(10, "id")} __typename } }`), schema)).toBe(11);
    const spreads = `{ company { ...F ...F ... on Company { ...F } } } fragment F on Company { id name }`;
    expect(measureFieldCount(doc(spreads), schema)).toBe(1 + 3 * 2);
    expect(measureRootFields(doc(`{ ${aliases(21, "tags")} __typename }`), schema)).toBe(21);
    expect(measureRootFields(doc(`{ ...Q tags } fragment Q on Query { ${aliases(5, "tags")} }`), schema)).toBe(6);
  });

  it("measures a fragment bomb in one pass (each level spreads the next twice)", () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Company { ...F${i + 1} ...F${i + 1} }`).join("\n");
    const text = `{ company { ...F0 } } ${fragments} fragment F${levels} on Company { id }`;
    expect(measureFieldCount(doc(text), schema)).toBe(1 + 2 ** levels);
  });

  it("reports the largest operation of a document, not the sum", () => {
    const text = `query A { ${aliases(15, "tags")} } query B { ${aliases(12, "tags")} }`;
    expect(measureRootFields(doc(text), schema)).toBe(15);
  });
});

describe("measureComplexity", () => {
  it("prices a field 1 and a list field listFieldCost, adding up over the tree", () => {
    expect(measureComplexity(doc("{ company { id name } }"), schema, 10)).toBe(3);
    expect(measureComplexity(doc("{ tags }"), schema, 10)).toBe(10);
    // companies 1 + edges 10 + node 1 + id 1 + totalCount 1
    expect(measureComplexity(doc("{ companies { edges { node { id } } totalCount } }"), schema, 10)).toBe(14);
  });

  it("prices introspection lists, and unknown fields as 1 without a schema", () => {
    expect(measureComplexity(doc("{ __schema { types { name } } }"), undefined, 10)).toBe(12);
    expect(measureComplexity(doc("{ companies { edges { node { id } } } }"), undefined, 10)).toBe(4);
  });
});

describe("checkDocumentLimits", () => {
  const limits = { ...defaultGraphQLLimits, maxDepth: 5, maxFields: 30, maxRootFields: 3, maxComplexity: 40 };
  const codes = (errors: GraphQLError[]) => errors.map((e) => e.extensions.subCode);

  it("passes documents at every limit", () => {
    expect(checkDocumentLimits(doc(`{ ${nest(4, "company", "id")} }`), schema, limits)).toEqual([]);
    expect(checkDocumentLimits(doc(`{ ${aliases(3, "company { id }")} }`), schema, limits)).toEqual([]);
    expect(checkDocumentLimits(doc(`{ company { ${aliases(29, "id")} } }`), schema, limits)).toEqual([]);
    expect(checkDocumentLimits(doc(`{ a: tags b: tags company { ${aliases(19, "id")} } }`), schema, limits)).toEqual([]);
  });

  it("refuses each limit exceeded, naming the measured value and the limit", () => {
    const deep = checkDocumentLimits(doc(`{ ${nest(5, "company", "id")} }`), schema, limits);
    expect(deep.map((e) => e.message)).toEqual(["Query too complex - Too many nested fields requested: 6 - Maximum allowed nested fields: 5"]);
    expect(codes(checkDocumentLimits(doc(`{ ${aliases(4, "company { id }")} }`), schema, limits))).toEqual(["TOO_MANY_ROOT_RESOLVERS"]);
    const wide = checkDocumentLimits(doc(`{ company { ${aliases(30, "id")} } }`), schema, limits);
    expect(wide.map((e) => e.message)).toEqual(["Query too complex - Too many fields requested: 31 - Maximum allowed fields: 30"]);
    const costly = checkDocumentLimits(doc(`{ a: tags b: tags company { ${aliases(20, "id")} } }`), schema, limits);
    expect(costly.map((e) => e.message)).toEqual(["Query too complex - Query complexity: 41 - Maximum allowed complexity: 40"]);
    expect(costly[0]?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", subCode: "QUERY_TOO_COMPLEX" });
  });

  it("lets GraphiQL's introspection query through the default limits", () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true });
    expect(checkSourceLimits(query, defaultGraphQLLimits)).toBeUndefined();
    expect(measureDepth(doc(query), schema)).toBe(15);
    expect(checkDocumentLimits(doc(query), schema, defaultGraphQLLimits)).toEqual([]);
  });
});

describe("IntrospectionNeedsAuthentication", () => {
  const errors = (text: string) => validate(schema, doc(text), [IntrospectionNeedsAuthentication]);

  it("refuses __schema and __type, in fragments too, and allows __typename", () => {
    expect(errors("{ __schema { queryType { name } } }").map((e) => e.message)).toEqual([
      "Unauthenticated - Introspection (__schema) needs a valid access token",
    ]);
    expect(errors(`{ ...Q } fragment Q on Query { __type(name: "Company") { name } }`)[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(errors("{ __typename company { __typename } }")).toEqual([]);
  });
});

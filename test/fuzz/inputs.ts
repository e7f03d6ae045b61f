import fc from "fast-check";

/**
 * Generators of hostile input for the HTTP surfaces: built from the names and operators the parsers know,
 * so most inputs get past the first check and reach deeper code, mixed with raw noise.
 */

const fieldNames = [
  "id", "name", "name.firstName", "name.lastName", "emails", "emails.primaryEmail", "employees", "createdAt", "updatedAt",
  "deletedAt", "stage", "amount", "amount.amountMicros", "position", "city", "company", "company.name", "companyId",
  "linkedinLink", "address.addressCity", "searchVector", "bogus", "__proto__", "constructor", "",
];
const operators = ["eq", "neq", "in", "containsAny", "is", "gt", "gte", "lt", "lte", "startsWith", "endsWith", "like", "ilike", "nin", "regex", ""];
const directions = ["AscNullsFirst", "AscNullsLast", "DescNullsFirst", "DescNullsLast", "asc", "desc", "Asc", ""];

const oddStrings = [
  "\u0000", "a\u0000b", "%00", "%", "%zz", "%C0%80", "\\", "'", '"', "''", "\"\"", "`", "(", ")", "[", "]", "{", "}", ",", ":", ";",
  "NULL", "NOT_NULL", "null", "true", "undefined", "NaN", "Infinity", "-Infinity", "-0", "1e400", "-1e400", "1e-400",
  "99999999999999999999999999", "-9223372036854775809", "9007199254740993", "0x10", "1_000", " 1", "1.5", "",
  "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid", "2026-02-30T25:61:61Z",
  "0000-01-01", "275760-09-13T00:00:00.001Z", "\u202e", "\ud83d\ude00", "\uFEFF", "é", "\u0085", "\r\n", "*", "?", "$1", "%s",
  "a".repeat(10_000), "🙂".repeat(300),
];

export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...oddStrings) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
);

const field = fc.constantFrom(...fieldNames);
const operator = fc.constantFrom(...operators);
const direction = fc.constantFrom(...directions);

const leafFilter = fc.oneof(
  fc.tuple(field, operator, oddString).map(([f, o, v]) => `${f}[${o}]:${v}`),
  fc.tuple(field, operator, oddString).map(([f, o, v]) => `${f}[${o}]:"${v}"`),
  fc.tuple(field, operator, fc.array(oddString, { maxLength: 4 })).map(([f, o, v]) => `${f}[${o}]:[${v.join(",")}]`),
);

const restFilter: fc.Arbitrary<string> = fc.letrec<{ filter: string }>((tie) => ({
  filter: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafFilter,
    fc.tuple(fc.constantFrom("and", "or", "not", "xor", ""), fc.array(tie("filter"), { maxLength: 3 })).map(([op, items]) => `${op}(${items.join(",")})`),
    fc.array(tie("filter"), { maxLength: 3 }).map((items) => items.join(",")),
  ),
})).filter;

/** A cursor as a client could forge it: base64 of any JSON, of garbage, or not base64 at all. */
export const forgedCursor: fc.Arbitrary<string> = fc.oneof(
  fc.record({ id: fc.oneof(oddString, fc.jsonValue({ maxDepth: 2 })) }).map((v) => Buffer.from(JSON.stringify(v)).toString("base64")),
  fc.tuple(field, fc.oneof(oddString, fc.jsonValue({ maxDepth: 2 })), fc.uuid()).map(([f, v, id]) => Buffer.from(JSON.stringify({ [f]: v, id })).toString("base64")),
  fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v)).toString("base64")),
  fc.dictionary(field, fc.oneof(oddString, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 4 }).map((v) => Buffer.from(JSON.stringify(v)).toString("base64")),
  fc.tuple(fc.uuid(), oddString).map(([id, name]) => Buffer.from(JSON.stringify({ id, name: { firstName: name } })).toString("base64")),
  fc.string({ unit: "binary", maxLength: 30 }).map((s) => Buffer.from(s).toString("base64")),
  oddString,
);

const queryValue = (name: string): fc.Arbitrary<string> => {
  switch (name) {
    case "filter":
      return fc.oneof(restFilter, oddString);
    case "order_by":
    case "orderBy":
      return fc.oneof(
        fc.array(fc.tuple(field, direction).map(([f, d]) => (d ? `${f}[${d}]` : f)), { minLength: 1, maxLength: 3 }).map((a) => a.join(",")),
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        oddString,
      );
    case "group_by":
      return fc.oneof(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), fc.array(fc.dictionary(field, fc.jsonValue({ maxDepth: 2 }))).map((v) => JSON.stringify(v)), oddString);
    case "starting_after":
    case "ending_before":
    case "after":
    case "before":
      return forgedCursor;
    default:
      return fc.oneof(fc.integer().map(String), fc.constantFrom("0", "1", "2", "3", "-1", "200", "201", "1e400", "99999999999999999999", "NaN", "", "true"), oddString);
  }
};

const queryNames = ["filter", "order_by", "orderBy", "limit", "offset", "depth", "starting_after", "ending_before", "after", "before", "soft_delete", "group_by", "upsert", "bogus"];

/** One query parameter, in the flat form, the seeds' bracket form, or a raw undecoded piece. */
const queryPart: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...queryNames).chain((name) => queryValue(name).map((v) => `${name}=${encodeURIComponent(v)}`)) },
  { weight: 2, arbitrary: fc.tuple(field, operator, oddString).map(([f, o, v]) => `filter[${encodeURIComponent(f)}][${encodeURIComponent(o)}]=${encodeURIComponent(v)}`) },
  { weight: 1, arbitrary: fc.tuple(field, direction).map(([f, d]) => `order[${encodeURIComponent(f)}]=${encodeURIComponent(d)}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...queryNames), fc.constantFrom("%", "%00", "%zz", "%C0%80", "[", "]]", "=", "&&", "a=b=c", "%E2%82")).map(([n, raw]) => `${n}=${raw}`) },
  { weight: 1, arbitrary: fc.tuple(oddString, oddString).map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`) },
);

/** Mostly one or two parameters, so that one bad value does not hide what the others would reach. */
export const queryString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(queryPart, { minLength: 1, maxLength: 2 }) },
  { weight: 1, arbitrary: fc.array(queryPart, { maxLength: 6 }) },
).map((parts) => parts.join("&"));

const pathSegment = fc.oneof(fc.uuid(), oddString.map(encodeURIComponent), fc.constant("00000000-0000-4000-8000-000000000000"));
const objects = fc.constantFrom("people", "companies", "opportunities", "notes", "tasks", "workspaceMembers", "bogusObjects", "");

/** Read paths: collections, records, groupBy, with a query string. */
export const restRead = fc.record({
  path: fc.oneof(
    objects.map((o) => `/rest/${o}`),
    fc.tuple(objects, pathSegment).map(([o, id]) => `/rest/${o}/${id}`),
    objects.map((o) => `/rest/${o}/groupBy`),
    fc.constantFrom("/rest/metadata/objects", "/rest/metadata/fields", "/rest/apiKeys"),
  ),
  query: queryString,
});

const bodyKeys = [
  "name", "firstName", "emails", "primaryEmail", "additionalEmails", "employees", "companyId", "company", "id", "position", "stage",
  "amount", "amountMicros", "currencyCode", "linkedinLink", "primaryLinkUrl", "address", "addressCity", "createdBy", "source",
  "deletedAt", "createdAt", "searchVector", "data", "ids", "filter", "idsToMerge", "conflictPriorityIndex", "dryRun",
  "__proto__", "constructor", "toString", "", "a.b", "\u0000", "name[eq]", "$where",
];

/** A JSON value built around the keys record bodies use, with objects where scalars belong and the reverse. */
export const jsonBody: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    oddString,
    fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(1e308), fc.constant(-0), fc.constant(Number.MAX_SAFE_INTEGER + 2)),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...bodyKeys), oddString), tie("value"), { maxKeys: 5 }),
  ),
})).value;

/** Arrays or objects nested deeper than any parser should walk by recursion. */
export const deepNesting: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.constantFrom("[", '{"a":', '{"name":', '{"filter":{"and":['))
  .map(([depth, open]) => {
    const close = open === "[" ? "]" : open === '{"filter":{"and":[' ? "]}}" : "}";
    return open.repeat(depth) + "1" + close.repeat(depth);
  });

export const restWrite = fc.record({
  method: fc.constantFrom("POST", "PATCH", "PUT", "DELETE"),
  path: fc.oneof(
    objects.map((o) => `/rest/${o}`),
    fc.tuple(objects, pathSegment).map(([o, id]) => `/rest/${o}/${id}`),
    objects.map((o) => `/rest/batch/${o}`),
    objects.map((o) => `/rest/${o}/duplicates`),
    objects.map((o) => `/rest/${o}/merge`),
    fc.tuple(objects, pathSegment).map(([o, id]) => `/rest/restore/${o}/${id}`),
    fc.constantFrom("/auth/login", "/auth/refresh", "/rest/metadata/objects", "/rest/metadata/fields", "/rest/apiKeys"),
  ),
  query: fc.oneof(fc.constant(""), queryString),
  body: fc.oneof(
    { weight: 6, arbitrary: jsonBody.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
    { weight: 1, arbitrary: fc.constantFrom("", "{", "[1,", '{"a":1}garbage', '{"name":"\\u0000"}', '{"\\u0000":1}', "nul\u0000l") },
  ),
  contentType: fc.constantFrom("application/json", "application/json", "application/json", "application/json; charset=utf-8", "text/plain", "", "application/x-www-form-urlencoded"),
});

const graphqlLiteral: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    oddString.map((s) => JSON.stringify(s)),
    fc.constantFrom('"\\u0000"', '"a\\u0000"', '"""x"""', "null", "true", "1e400", "99999999999999999999", "-0", "NaN", "$v", "AscNullsFirst", "NULL", "NOT_NULL", "[]", "{}"),
    fc.integer().map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.array(tie("value"), { maxLength: 3 }).map((a) => `[${a.join(", ")}]`),
    fc.array(fc.tuple(fc.constantFrom(...fieldNames.filter((f) => /^[a-z]\w*$/i.test(f)), "and", "or", "not", ...operators.filter(Boolean)), tie("value")), { maxLength: 3 }).map(
      (entries) => `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(", ")} }`,
    ),
  ),
})).value;

const argument = (name: string) => fc.oneof(fc.constant(""), graphqlLiteral.map((v) => `${name}: ${v}`));
const args = (...names: string[]) =>
  fc.tuple(...names.map(argument)).map((parts) => {
    const present = parts.filter(Boolean);
    return present.length ? `(${present.join(", ")})` : "";
  });

const recordSelection = "edges { cursor node { id name { firstName } emails { primaryEmail } company { id name } } } pageInfo { startCursor endCursor hasNextPage } totalCount";

/** GraphQL documents over the workspace schema (/graphql) and the static one (/metadata). */
export const graphqlDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: args("filter", "orderBy", "first", "last", "after", "before", "offset").map((a) => `{ people${a} { ${recordSelection} } }`) },
  { weight: 1, arbitrary: args("filter", "orderBy", "first", "after").map((a) => `{ companies${a} { edges { node { id name employees people${a} { edges { node { id } } } } } } }`) },
  { weight: 1, arbitrary: args("filter", "id").map((a) => `{ person${a} { id name { firstName } } }`) },
  { weight: 2, arbitrary: args("data", "upsert").map((a) => `mutation { createPerson${a} { id } }`) },
  { weight: 1, arbitrary: args("data").map((a) => `mutation { createPeople${a} { id } }`) },
  { weight: 1, arbitrary: args("id", "data").map((a) => `mutation { updatePerson${a} { id } }`) },
  { weight: 1, arbitrary: args("filter", "data").map((a) => `mutation { updatePeople${a} { id } }`) },
  { weight: 1, arbitrary: args("id", "filter").map((a) => `mutation { deletePerson${a} { id } destroyPerson${a} { id } }`) },
  { weight: 1, arbitrary: args("groupBy", "filter", "orderBy", "limit").map((a) => `{ peopleGroupBy${a} { groupByDimensionValues totalCount } }`) },
  { weight: 2, arbitrary: args("searchInput", "limit", "after", "filter", "includedObjectNameSingulars").map((a) => `{ search${a} { edges { cursor node { recordId label } } pageInfo { endCursor } } }`) },
  { weight: 1, arbitrary: args("email", "password").map((a) => `mutation { signIn${a} { tokens { accessOrWorkspaceAgnosticToken { token } } } }`) },
  { weight: 1, arbitrary: args("email", "password", "workspaceInviteHash", "workspaceId").map((a) => `mutation { signUpInWorkspace${a} { loginToken { token } } }`) },
  { weight: 1, arbitrary: args("inviteHash").map((a) => `{ findWorkspaceFromInviteHash${a} { id } checkWorkspaceInviteHashIsValid${a} { isValid } }`) },
  { weight: 1, arbitrary: args("appTokenId").map((a) => `mutation { resendWorkspaceInvitation${a} { result { id } } deleteWorkspaceInvitation${a} }`) },
  { weight: 1, arbitrary: args("emails", "roleId").map((a) => `mutation { sendInvitations${a} { success } }`) },
  { weight: 1, arbitrary: args("filter", "paging").map((a) => `{ objects${a} { edges { node { id nameSingular fields { edges { node { name } } } } } } }`) },
  { weight: 1, arbitrary: args("input").map((a) => `mutation { createOneField${a} { id } createOneObject${a} { id } }`) },
  { weight: 1, arbitrary: args("input").map((a) => `mutation { createApiKey${a} { id } }`) },
  { weight: 1, arbitrary: args("passwordResetToken").map((a) => `{ validatePasswordResetToken${a} { id } }`) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 3000 }).map((n) => `{ ${"people { edges { node { company { ".repeat(n)} id ${"} } } }".repeat(n)} }`) },
);

/** The whole request body: a document with variables of any shape, or a body that is not a GraphQL request. */
export const graphqlBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(graphqlDocument, fc.option(jsonBody)).map(([query, variables]) => JSON.stringify({ query, variables })) },
  {
    weight: 2,
    arbitrary: fc.tuple(jsonBody, fc.constantFrom("PersonFilterInput", "PersonCreateInput", "String!", "UUID", "Int", "[PersonOrderByInput]", "ObjectRecordFilterInput", "JSON")).map(
      ([value, type]) => JSON.stringify({ query: `query Q($v: ${type}) { people(filter: $v) { edges { node { id } } } }`, variables: { v: value } }),
    ),
  },
  { weight: 1, arbitrary: jsonBody.map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.tuple(jsonBody, jsonBody, jsonBody).map(([query, variables, operationName]) => JSON.stringify({ query, variables, operationName })) },
  { weight: 1, arbitrary: deepNesting.map((nested) => `{"query":"{ people { edges { node { id } } } }","variables":${nested}}`) },
);

/** Replaces one entry of a valid object with hostile input, so the rest of the body passes validation. */
function mutated(valid: Record<string, unknown>, replacement: fc.Arbitrary<unknown>) {
  const keys = Object.keys(valid);
  return fc.tuple(fc.constantFrom(...keys, ...bodyKeys), replacement, fc.boolean()).map(([key, value, nested]) => {
    const inner = valid[key];
    if (nested && inner && typeof inner === "object" && !Array.isArray(inner)) {
      const innerKeys = Object.keys(inner);
      return { ...valid, [key]: { ...inner, [innerKeys[0]!]: value } };
    }
    return { ...valid, [key]: value };
  });
}

const validPerson = () => ({
  name: { firstName: "Ada", lastName: "Lovelace" },
  emails: { primaryEmail: `ada-${Math.random().toString(36).slice(2, 8)}@example.com`, additionalEmails: [] },
  city: "London",
  jobTitle: "Engineer",
  phones: { primaryPhoneNumber: "123", primaryPhoneCountryCode: "FR" },
  linkedinLink: { primaryLinkUrl: "https://example.com", secondaryLinks: [] },
});
const validCompany = () => ({
  name: "Acme",
  employees: 10,
  domainName: { primaryLinkUrl: "https://acme.example" },
  address: { addressCity: "Paris", addressPostcode: "75001" },
  annualRecurringRevenue: { amountMicros: 1_000_000, currencyCode: "EUR" },
  idealCustomerProfile: true,
});

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(jsonBody, oddString, fc.constantFrom(1e400 as number, -1, 2 ** 63, "2026-13-45", { id: "x" }, [{}], { "": null }));

/** Record bodies that are valid but for one value: what reaches the field converters and SQL. */
export const nearValidWrite = (ids: { person: () => string; company: () => string }) =>
  fc.oneof(
    mutated(validPerson(), hostileValue).map((body) => ({ method: "POST", path: "/rest/people", body })),
    mutated(validCompany(), hostileValue).map((body) => ({ method: "POST", path: "/rest/companies", body })),
    mutated(validPerson(), hostileValue).map((body) => ({ method: "PATCH", path: `/rest/people/${ids.person()}`, body })),
    mutated(validCompany(), hostileValue).map((body) => ({ method: "PATCH", path: `/rest/companies/${ids.company()}`, body })),
    fc.array(mutated(validPerson(), hostileValue), { minLength: 1, maxLength: 3 }).map((body) => ({ method: "POST", path: "/rest/batch/people", body })),
    mutated({ ids: [ids.person()], filter: {} }, hostileValue).map((body) => ({ method: "POST", path: "/rest/people/duplicates", body })),
    mutated({ ids: [ids.person(), ids.person()], conflictPriorityIndex: 0, dryRun: true }, hostileValue).map((body) => ({ method: "PATCH", path: "/rest/people/merge", body })),
    mutated({ email: "ada@example.com", password: "long enough password" }, hostileValue).map((body) => ({ method: "POST", path: "/auth/login", body })),
  );

const filterLeaf = fc.oneof(
  fc.tuple(fc.constantFrom("eq", "neq", "like", "ilike", "startsWith", "endsWith", "in", "is"), hostileValue).map(([op, v]) => ({ name: { firstName: { [op]: v } } })),
  fc.tuple(fc.constantFrom("eq", "gt", "gte", "lt", "lte", "in", "is"), hostileValue).map(([op, v]) => ({ createdAt: { [op]: v } })),
  fc.tuple(fc.constantFrom("eq", "in", "neq", "is"), hostileValue).map(([op, v]) => ({ id: { [op]: v } })),
  fc.tuple(fc.constantFrom("eq", "in", "neq", "is"), hostileValue).map(([op, v]) => ({ companyId: { [op]: v } })),
  fc.tuple(fc.constantFrom("eq", "like", "ilike"), hostileValue).map(([op, v]) => ({ emails: { primaryEmail: { [op]: v } } })),
  hostileValue.map((v) => ({ city: v })),
);
const graphqlFilter = fc.oneof(filterLeaf, fc.array(filterLeaf, { maxLength: 3 }).map((and) => ({ and })), filterLeaf.map((not) => ({ not })));

/** Operations with typed variables that pass validation but for one value: coercion, filters, cursors, search. */
export const nearValidGraphql: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(graphqlFilter, fc.option(forgedCursor), fc.option(fc.oneof(fc.integer(), hostileValue))).map(([filter, after, first]) =>
    JSON.stringify({
      query: "query($f: PersonFilterInput, $a: String, $n: Int) { people(filter: $f, after: $a, first: $n, orderBy: [{ createdAt: DescNullsLast }]) { edges { cursor node { id } } totalCount } }",
      variables: { f: filter, a: after, n: first },
    }),
  ),
  fc.tuple(forgedCursor, fc.constantFrom("AscNullsFirst", "DescNullsLast"), fc.constantFrom("employees", "name", "createdAt", "id")).map(([after, direction, field]) =>
    JSON.stringify({ query: `query($a: String) { companies(after: $a, orderBy: [{ ${field}: ${direction} }]) { edges { node { id } } } }`, variables: { a: after } }),
  ),
  mutated(validPerson(), hostileValue).map((data) => JSON.stringify({ query: "mutation($d: PersonCreateInput!) { createPerson(data: $d) { id } }", variables: { d: data } })),
  mutated(validCompany(), hostileValue).map((data) => JSON.stringify({ query: "mutation($d: [CompanyCreateInput!]) { createCompanies(data: $d) { id } }", variables: { d: [data] } })),
  fc.tuple(oddString, fc.option(forgedCursor), fc.option(graphqlFilter)).map(([q, after, filter]) =>
    JSON.stringify({ query: "query($q: String!, $a: String, $f: ObjectRecordFilterInput) { search(searchInput: $q, limit: 5, after: $a, filter: $f) { edges { cursor node { recordId } } } }", variables: { q, a: after, f: filter } }),
  ),
  fc.tuple(oddString, oddString).map(([hash, id]) =>
    JSON.stringify({ query: "query($h: String!) { findWorkspaceFromInviteHash(inviteHash: $h) { id } }", variables: { h: hash, unused: id } }),
  ),
);

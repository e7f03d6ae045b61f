import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { buildWorkspaceSchema } from "../../src/graphql/workspace/workspace-schema.ts";
import { planShapedExecution } from "../../src/graphql/workspace/sql-shaped-execution.ts";
import { buildStandardMetadata } from "../../src/metadata/provisioning/build-standard-metadata.ts";
import { standardObjects } from "../../src/metadata/standard-objects/index.ts";
import { WorkspaceMetadata } from "../../src/metadata/workspace-metadata.ts";

const schema = buildWorkspaceSchema(new WorkspaceMetadata("00000000-0000-4000-8000-000000000001", "workspace_test", 1, buildStandardMetadata(standardObjects)));
const plan = (query: string, variableValues: Record<string, unknown> = {}) => planShapedExecution({ schema, document: parse(query), variableValues });
const shaped = (query: string, variables?: Record<string, unknown>) => {
  const planned = plan(query, variables);
  return planned !== undefined && !("errors" in planned);
};

describe("which queries are answered as Postgres shaped them", () => {
  it("findMany and findOne, with anything their records, connections and composites hold", () => {
    expect(shaped(`{ companies { __typename totalCount pageInfo { endCursor } edges { cursor node { id name address { addressCity } people { edges { node { name { firstName } } } } } } } }`)).toBe(true);
    expect(shaped(`{ a: company(filter: {id: {eq: "3f2504e0-4f89-41d3-9a0c-0305e82c3301"}}) { id accountOwner { name { firstName } } } b: people { totalCount } __typename }`)).toBe(true);
    expect(shaped(`query($s: Boolean!) { companies { edges { node { ...F name @skip(if: $s) unknownField } } } } fragment F on Company { id }`, { s: true })).toBe(true);
  });

  it("not mutations, group-by, duplicates, static fields or other directives", () => {
    expect(shaped(`mutation { createCompany(data: {name: "x"}) { id } }`)).toBe(false);
    expect(shaped(`{ companiesGroupBy(groupBy: [{name: true}]) { totalCount } }`)).toBe(false);
    expect(shaped(`{ companyDuplicates(ids: []) { totalCount } }`)).toBe(false);
    expect(shaped(`{ companies { totalCount } currentWorkspace { id } }`)).toBe(false);
    expect(shaped(`{ companies @deprecated { totalCount } }`)).toBe(false);
    expect(shaped(`{ companies { edges { node { ... on Person { id } } } } }`)).toBe(false);
  });

  it("refuses bad variables the way graphql-js does", () => {
    const planned = plan(`query($n: Int!) { companies(first: $n) { totalCount } }`, { n: "many" });
    expect(planned && "errors" in planned && planned.errors[0]?.message).toContain(`Variable "$n" got invalid value "many"`);
  });
});

import type { BenchEnvironment } from "./environment.ts";
import { coreGraphql, depthSelection } from "./graphql-selection.ts";
import type { Scenario } from "./scenarios.ts";
import { seedLargeWorkspace, seedOpportunities } from "./seed-large.ts";

/** rest-companies' filter, order and page size, in GraphQL. */
const COMPANIES_ARGS = `first: 60, filter: { and: [{ employees: { gte: 100 } }, { address: { addressCity: { in: ["Paris", "Berlin"] } } }] }, orderBy: [{ employees: DescNullsLast }]`;

/** Three levels: companies → their people → the opportunities each person is point of contact for (and back). */
const NESTED_QUERY = `{ companies(first: 20) { edges { node { name people(first: 5) { edges { node { name { firstName }
  pointOfContactForOpportunities { edges { node { name amount { amountMicros } pointOfContact { name { firstName } } } } } } } } } } } }`;

let companiesQuery = "";

const post = (env: BenchEnvironment, query: string) => ({
  path: "/graphql",
  method: "POST" as const,
  headers: { authorization: `Bearer ${env.apiToken}`, "content-type": "application/json" },
  body: JSON.stringify({ query }),
});

export const graphqlScenarios: Scenario[] = [
  {
    name: "graphql-companies",
    description: "POST /graphql companies(first: 60) with rest-companies' filter, order and depth-1 fields",
    request: (env) => post(env, companiesQuery),
    runsSql: true,
    async setup(env) {
      await seedLargeWorkspace(env.databaseUrl, env.workspaceId);
      const selection = await depthSelection(env.baseUrl, env.apiToken, "Company", 1);
      companiesQuery = `{ companies(${COMPANIES_ARGS}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { ${selection} } } } }`;
      const data = await coreGraphql(env.baseUrl, env.apiToken, companiesQuery);
      if (data.companies.edges.length !== 60) throw new Error(`graphql-companies returned ${data.companies.edges.length} companies`);
    },
  },
  {
    name: "graphql-nested",
    description: "POST /graphql companies(first: 20) → people(first: 5) → opportunities → pointOfContact, 1 opportunity a person",
    request: (env) => post(env, NESTED_QUERY),
    runsSql: true,
    async setup(env) {
      await seedLargeWorkspace(env.databaseUrl, env.workspaceId);
      await seedOpportunities(env.databaseUrl, env.workspaceId);
      const data = await coreGraphql(env.baseUrl, env.apiToken, NESTED_QUERY);
      const people = data.companies.edges.flatMap((c: any) => c.node.people.edges);
      const opportunities = people.flatMap((p: any) => p.node.pointOfContactForOpportunities.edges);
      if (people.length !== 40 || opportunities.length !== 40 || !opportunities.every((o: any) => o.node.pointOfContact.name.firstName === "Person")) {
        throw new Error(`graphql-nested returned ${people.length} people and ${opportunities.length} opportunities`);
      }
    },
  },
];

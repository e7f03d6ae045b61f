import type { BenchEnvironment } from "./environment.ts";
import { graphqlScenarios } from "./graphql-scenarios.ts";
import { seedLargeWorkspace } from "./seed-large.ts";

export interface Scenario {
  name: string;
  description: string;
  request(env: BenchEnvironment): { path: string; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string };
  /** Whether the route runs SQL; if so its statements are captured once and replayed through the driver. */
  runsSql: boolean;
  /** Data the scenario needs, made before it runs. */
  setup?(env: BenchEnvironment): Promise<void>;
}

export const scenarios: Scenario[] = [
  {
    name: "healthz",
    description: "GET /healthz: the app shell and one `select 1` over Neon's HTTP driver",
    request: () => ({ path: "/healthz" }),
    runsSql: true,
  },
  {
    name: "rest-companies",
    description: "GET /rest/companies?limit=60&depth=1 with a filter and an order, 10,000 companies with 2 people each",
    request: (env) => ({
      path: `/rest/companies?limit=60&depth=1&filter=${encodeURIComponent("and(employees[gte]:100,address.addressCity[in]:[Paris,Berlin])")}&order_by=employees[DescNullsLast]`,
      headers: { authorization: `Bearer ${env.apiToken}` },
    }),
    runsSql: true,
    setup: (env) => seedLargeWorkspace(env.databaseUrl, env.workspaceId),
  },
  {
    name: "api-keys",
    description: "GET /rest/metadata/apiKeys with an API key: token check, caller lookup and one read",
    request: (env) => ({ path: "/rest/metadata/apiKeys", headers: { authorization: `Bearer ${env.apiToken}` } }),
    runsSql: true,
  },
  ...graphqlScenarios,
];

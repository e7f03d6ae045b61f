import type { BenchEnvironment } from "./environment.ts";

export interface Scenario {
  name: string;
  description: string;
  request(env: BenchEnvironment): { path: string; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string };
  /** Whether the route runs SQL; if so its statements are captured once and replayed through the driver. */
  runsSql: boolean;
}

export const scenarios: Scenario[] = [
  {
    name: "healthz",
    description: "GET /healthz: the app shell and one `select 1` over Neon's HTTP driver",
    request: () => ({ path: "/healthz" }),
    runsSql: true,
  },
  {
    name: "api-keys",
    description: "GET /rest/metadata/apiKeys with an API key: token check, caller lookup and one read",
    request: (env) => ({ path: "/rest/metadata/apiKeys", headers: { authorization: `Bearer ${env.apiToken}` } }),
    runsSql: true,
  },
];

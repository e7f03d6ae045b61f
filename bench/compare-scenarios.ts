/** What `compare` sends to both servers: only Twenty's public API, so any Twenty-compatible server answers. */
export interface Target {
  label: string;
  baseUrl: string;
  token: string;
  /** A company id on this server, for the update scenario. */
  companyId?: string;
}

export interface CompareRequest {
  path: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

export interface CompareScenario {
  name: string;
  request(target: Target): CompareRequest;
}

const get = (target: Target, path: string): CompareRequest => ({ path, method: "GET", headers: { authorization: `Bearer ${target.token}` } });
const post = (target: Target, path: string, body: unknown): CompareRequest => ({
  path,
  method: "POST",
  headers: { authorization: `Bearer ${target.token}`, "content-type": "application/json" },
  body: JSON.stringify(body),
});
const graphql = (target: Target, query: string) => post(target, "/graphql", { query });

const filter = encodeURIComponent("employees[gte]:1000");

export const compareScenarios: CompareScenario[] = [
  { name: "rest-list-60-depth-0", request: (t) => get(t, "/rest/companies?limit=60&depth=0") },
  { name: "rest-list-60-depth-1", request: (t) => get(t, "/rest/companies?limit=60&depth=1") },
  { name: "rest-list-filter-order", request: (t) => get(t, `/rest/companies?limit=60&depth=0&filter=${filter}&order_by=employees[DescNullsLast]`) },
  {
    name: "graphql-list-60",
    request: (t) => graphql(t, "{ companies(first: 60) { edges { node { id name employees createdAt domainName { primaryLinkUrl } } } } }"),
  },
  {
    name: "graphql-20x10-nested",
    request: (t) =>
      graphql(t, "{ companies(first: 20) { edges { node { id name people(first: 10) { edges { node { id name { firstName lastName } } } } } } } }"),
  },
  { name: "rest-create", request: (t) => post(t, "/rest/companies", { name: "Bench created", employees: 7 }) },
  {
    name: "graphql-update",
    request: (t) => graphql(t, `mutation { updateCompany(id: "${t.companyId}", data: { employees: 42 }) { id employees } }`),
  },
];

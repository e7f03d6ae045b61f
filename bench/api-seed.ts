import type { Target } from "./compare-scenarios.ts";

const cities = ["Paris", "Berlin", "Lisbon", "Austin"];

async function call(target: Target, path: string, init: { method?: string; body?: unknown } = {}): Promise<any> {
  const res = await fetch(target.baseUrl + path, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${target.token}`, "content-type": "application/json" },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${target.label} ${init.method ?? "GET"} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** How many companies the server holds (REST's totalCount). */
export async function companyCount(target: Target): Promise<number> {
  return (await call(target, "/rest/companies?limit=1")).totalCount as number;
}

/** The id of one company, for the update scenario. */
export async function someCompanyId(target: Target): Promise<string> {
  const body = await call(target, "/rest/companies?limit=1&depth=0");
  const id = body.data.companies[0]?.id;
  if (!id) throw new Error(`${target.label} has no company`);
  return id as string;
}

/**
 * Comparable data through the public API only (REST batch creates of 60, Twenty's and ours alike): companies
 * up to `companies`, each with 2 people. Numbers and cities vary so filters and orders have work to do.
 */
export async function seedThroughApi(target: Target, companies: number): Promise<number> {
  const existing = await companyCount(target);
  for (let start = existing; start < companies; start += 60) {
    const size = Math.min(60, companies - start);
    const rows = Array.from({ length: size }, (_, k) => {
      const i = start + k;
      return { name: `Seeded company ${i}`, employees: (i * 37) % 5000, address: { addressCity: cities[i % cities.length] } };
    });
    const created = await call(target, "/rest/batch/companies", { method: "POST", body: rows });
    const ids = (created.data.createCompanies as Array<{ id: string }>).map((c) => c.id);
    const people = ids.flatMap((companyId, k) =>
      [1, 2].map((n) => ({ name: { firstName: "Person", lastName: `${start + k} #${n}` }, companyId })),
    );
    await call(target, "/rest/batch/people", { method: "POST", body: people });
  }
  return Math.max(existing, companies);
}

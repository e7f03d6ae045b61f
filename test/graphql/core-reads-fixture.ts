import { expect } from "vitest";
import { gql, type GraphQLResult } from "../harness/graphql.ts";
import type { TestWorker } from "../harness/test-worker.ts";
import type { WorkspaceFixture } from "../harness/workspace-fixture.ts";

/** Shared seed and helpers of the core-reads-*.test.ts files (GraphQL read side over HTTP). */

export type Ids = Record<string, string>;

/** A workspace query on /graphql, errors and all. */
export const query = (worker: TestWorker, token: string, text: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> =>
  gql(worker, text, variables, { token, endpoint: "/graphql" });

/** A workspace query that must succeed: its data. */
export async function read(worker: TestWorker, token: string, text: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await query(worker, token, text, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.status).toBe(200);
  return res.data;
}

/** The nodes of a connection. */
export const nodes = <T = any>(connection: { edges: Array<{ node: T }> }): T[] => connection.edges.map((edge) => edge.node);

export async function batch(worker: TestWorker, token: string, plural: string, body: Array<Record<string, unknown>>): Promise<string[]> {
  const res = await worker.json(`/rest/batch/${plural}`, { method: "POST", token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (Object.values(res.body.data)[0] as Array<{ id: string }>).map((record) => record.id);
}

/**
 * The CRM seed: 3 live companies and a soft-deleted one, 3 people, 3 opportunities.
 *  - Acme (10 employees, ICP, Paris, acme.com, ARR 1000 USD) ← John Doe (Paris, CEO), Deal A (NEW, 5 USD, Jan), Deal B (MEETING, 20 USD, Mar)
 *  - Beta Corp (50, Berlin, beta.io) ← Jane Roe (Berlin), Deal C (CUSTOMER, no amount, no date)
 *  - gamma labs (no employees, Paris) ← nobody
 *  - Phil Collins works nowhere and has no email.
 */
export async function seedCrm(worker: TestWorker, ws: WorkspaceFixture): Promise<Ids> {
  const token = ws.apiKeyToken;
  const [acme, beta, gamma, gone] = await batch(worker, token, "companies", [
    {
      name: "Acme",
      employees: 10,
      idealCustomerProfile: true,
      address: { addressCity: "Paris", addressCountry: "France" },
      domainName: { primaryLinkUrl: "https://acme.com" },
      annualRecurringRevenue: { amountMicros: 1_000_000_000, currencyCode: "USD" },
      position: 1,
    },
    { name: "Beta Corp", employees: 50, idealCustomerProfile: false, address: { addressCity: "Berlin" }, domainName: { primaryLinkUrl: "https://beta.io" }, position: 2 },
    { name: "gamma labs", address: { addressCity: "Paris" }, position: 3 },
    { name: "Gone Inc", employees: 7, position: 4 },
  ]);
  expect((await worker.json(`/rest/companies/${gone}`, { method: "DELETE", token })).status).toBe(200);
  const [john, jane, phil] = await batch(worker, token, "people", [
    { name: { firstName: "John", lastName: "Doe" }, emails: { primaryEmail: "john@acme.com" }, city: "Paris", jobTitle: "CEO", companyId: acme, position: 1 },
    { name: { firstName: "Jane", lastName: "Roe" }, emails: { primaryEmail: "jane@beta.io" }, city: "Berlin", jobTitle: "CTO", companyId: beta, position: 2 },
    { name: { firstName: "Phil", lastName: "Collins" }, city: "", position: 3 },
  ]);
  const [dealA, dealB, dealC] = await batch(worker, token, "opportunities", [
    { name: "Deal A", stage: "NEW", amount: { amountMicros: 5_000_000, currencyCode: "USD" }, closeDate: "2025-01-10T10:00:00.000Z", companyId: acme, pointOfContactId: john, position: 1 },
    { name: "Deal B", stage: "MEETING", amount: { amountMicros: 20_000_000, currencyCode: "USD" }, closeDate: "2025-03-01T00:00:00.000Z", companyId: acme, pointOfContactId: jane, position: 2 },
    { name: "Deal C", stage: "CUSTOMER", companyId: beta, position: 3 },
  ]);
  return { acme: acme!, beta: beta!, gamma: gamma!, gone: gone!, john: john!, jane: jane!, phil: phil!, dealA: dealA!, dealB: dealB!, dealC: dealC! };
}

/** A metadata call with the workspace owner's token, which must succeed. */
export async function metadata(worker: TestWorker, ws: WorkspaceFixture, text: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await gql(worker, text, variables, { token: ws.accessToken, endpoint: "/metadata" });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
}

/** The role named `label` of the workspace, and the ids of an object and of its fields by name. */
export async function roleId(worker: TestWorker, workspaceId: string, label: string): Promise<string> {
  const { rows } = await worker.db.sql.query(`SELECT id FROM core.role WHERE "workspaceId" = $1 AND label = $2`, [workspaceId, label]);
  return rows[0].id;
}

export async function objectIds(worker: TestWorker, workspaceId: string, nameSingular: string): Promise<{ id: string; fields: Record<string, string> }> {
  const { rows } = await worker.db.sql.query(
    `SELECT o.id AS "objectId", f.id, f.name FROM core."objectMetadata" o JOIN core."fieldMetadata" f ON f."objectMetadataId" = o.id WHERE o."workspaceId" = $1 AND o."nameSingular" = $2`,
    [workspaceId, nameSingular],
  );
  return { id: rows[0].objectId, fields: Object.fromEntries(rows.map((row) => [row.name, row.id])) };
}

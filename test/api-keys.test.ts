import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "./harness/graphql.ts";
import { startTestWorker, type TestWorker } from "./harness/test-worker.ts";
import { addMember, createWorkspace, type MemberFixture, type WorkspaceFixture } from "./harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let member: MemberFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "keys");
  member = await addMember(worker, ws);
});
afterAll(() => worker?.close());

const nextYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

describe.each(["/rest/metadata/apiKeys", "/rest/apiKeys"])("REST %s", (base) => {
  it("creates (201), reads, lists, updates and revokes a key", async () => {
    const created = await worker.json(base, { method: "POST", token: ws.accessToken, body: { name: "Sync job", expiresAt: nextYear() } });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body)).toEqual(["id", "name", "expiresAt", "revokedAt", "workspaceId", "createdAt", "updatedAt"]);
    expect(created.body).toMatchObject({ name: "Sync job", revokedAt: null, workspaceId: ws.workspaceId });
    const id = created.body.id;
    expect((await worker.json(`${base}/${id}`, { token: ws.apiKeyToken })).body.name).toBe("Sync job");
    const renamed = await worker.json(`${base}/${id}`, { method: "PATCH", token: ws.accessToken, body: { name: "Nightly sync" } });
    expect(renamed.body.name).toBe("Nightly sync");
    const listed = await worker.json(base, { token: ws.accessToken });
    expect(listed.body.map((k: { id: string }) => k.id)).toContain(id);
    const revoked = await worker.json(`${base}/${id}`, { method: "DELETE", token: ws.accessToken });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const after = await worker.json(base, { token: ws.accessToken });
    expect(after.body.map((k: { id: string }) => k.id)).not.toContain(id);
  });

  it("bad input answers 400 naming the problem", async () => {
    const badDate = await worker.json(base, { method: "POST", token: ws.accessToken, body: { name: "x", expiresAt: "invalid-date" } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.messages).toEqual(['expiresAt must be an ISO date, got "invalid-date"']);
    const unknown = await worker.json(base, { method: "POST", token: ws.accessToken, body: { name: "x", expiresAt: nextYear(), scope: "all" } });
    expect(unknown.body.messages).toEqual(['Unknown field "scope" in request body']);
    const badId = await worker.json(`${base}/not-a-uuid`, { token: ws.accessToken });
    expect(badId.status).toBe(400);
    expect(badId.body.messages[0]).toContain('"id" in path');
    const missing = await worker.json(`${base}/${crypto.randomUUID()}`, { token: ws.accessToken });
    expect(missing.status).toBe(404);
    const memberRole = await gql(worker, `{ getRoles { id label } }`, {}, { token: ws.accessToken });
    const memberRoleId = memberRole.data.getRoles.find((r: { label: string }) => r.label === "Member").id;
    const notAssignable = await worker.json(base, { method: "POST", token: ws.accessToken, body: { name: "x", expiresAt: nextYear(), roleId: memberRoleId } });
    expect(notAssignable.status).toBe(400);
    expect(notAssignable.body.messages).toEqual(['Role "Member" cannot be assigned to API keys']);
  });

  it("security: no token → 401, a member without the permission → 400 as Twenty", async () => {
    const anonymous = await worker.json(base);
    expect(anonymous.status).toBe(401);
    const denied = await worker.json(base, { token: member.accessToken });
    expect(denied.status).toBe(400);
    expect(denied.body).toMatchObject({ error: "Error", messages: ["Entity performing the request does not have permission"], code: "PERMISSION_DENIED" });
  });
});

describe("GraphQL API keys", () => {
  it("lists with roles, fetches one (null when unknown), updates, revokes", async () => {
    const list = await gql(worker, `{ apiKeys { id name role { label } } }`, {}, { token: ws.accessToken });
    expect(list.data.apiKeys).toContainEqual({ id: ws.apiKeyId, name: "test key", role: { label: "Admin" } });
    const one = await gql(worker, `query($id: UUID!) { apiKey(input: { id: $id }) { id workspace { id } } }`, { id: ws.apiKeyId }, { token: ws.accessToken });
    expect(one.data.apiKey).toEqual({ id: ws.apiKeyId, workspace: { id: ws.workspaceId } });
    const none = await gql(worker, `query($id: UUID!) { apiKey(input: { id: $id }) { id } }`, { id: crypto.randomUUID() }, { token: ws.accessToken });
    expect(none.data.apiKey).toBeNull();
    const updated = await gql(worker, `mutation($id: UUID!) { updateApiKey(input: { id: $id, name: "renamed" }) { name } }`, { id: ws.apiKeyId }, { token: ws.accessToken });
    expect(updated.data.updateApiKey.name).toBe("renamed");
  });

  it("rejects an invalid expiresAt and a malformed id", async () => {
    const bad = await gql(worker, `mutation { createApiKey(input: { name: "x", expiresAt: "invalid-date", roleId: "${crypto.randomUUID()}" }) { id } }`, {}, { token: ws.accessToken });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const badId = await gql(worker, `{ apiKey(input: { id: "nope" }) { id } }`, {}, { token: ws.accessToken });
    expect(badId.errors?.[0]?.message).toContain("Invalid UUID");
  });

  it("an expired key cannot mint tokens; a revoked key neither", async () => {
    const roles = await gql(worker, `{ getRoles { id label } }`, {}, { token: ws.accessToken });
    const admin = roles.data.getRoles.find((r: { label: string }) => r.label === "Admin").id;
    const created = await gql(worker, `mutation($e: String!, $r: UUID!) { createApiKey(input: { name: "short", expiresAt: $e, roleId: $r }) { id } }`, { e: new Date(Date.now() - 1000).toISOString(), r: admin }, { token: ws.accessToken });
    const expired = await gql(worker, `mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id, expiresAt: "2099-01-01T00:00:00Z") { token } }`, { id: created.data.createApiKey.id }, { token: ws.accessToken });
    expect(expired.errors?.[0]?.message).toBe("This API Key has expired");
    await gql(worker, `mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { id } }`, { id: created.data.createApiKey.id }, { token: ws.accessToken });
    const revoked = await gql(worker, `mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id, expiresAt: "2099-01-01T00:00:00Z") { token } }`, { id: created.data.createApiKey.id }, { token: ws.accessToken });
    expect(revoked.errors?.[0]?.message).toBe("This API Key is revoked");
  });

  it("security: members without the permission are FORBIDDEN, anonymous callers UNAUTHENTICATED", async () => {
    const denied = await gql(worker, `{ apiKeys { id } }`, {}, { token: member.accessToken });
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await gql(worker, `{ apiKeys { id } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

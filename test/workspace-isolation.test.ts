import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "./harness/graphql.ts";
import { startTestWorker, type TestWorker } from "./harness/test-worker.ts";
import { twentyToken } from "./harness/twenty-tokens.ts";
import { addMember, createWorkspace, type WorkspaceFixture } from "./harness/workspace-fixture.ts";

let worker: TestWorker;
let a: WorkspaceFixture;
let b: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  [a, b] = [await createWorkspace(worker, "alpha"), await createWorkspace(worker, "beta")];
});
afterAll(() => worker?.close());

describe("a token of workspace A never reaches workspace B", () => {
  it("REST API keys: B's key is not found, cannot be changed or revoked, and is not listed", async () => {
    for (const token of [a.accessToken, a.apiKeyToken]) {
      expect((await worker.json(`/rest/metadata/apiKeys/${b.apiKeyId}`, { token })).status).toBe(404);
      expect((await worker.json(`/rest/metadata/apiKeys/${b.apiKeyId}`, { method: "PATCH", token, body: { name: "pwned" } })).status).toBe(404);
      expect((await worker.json(`/rest/metadata/apiKeys/${b.apiKeyId}`, { method: "DELETE", token })).status).toBe(404);
      const listed = await worker.json("/rest/metadata/apiKeys", { token });
      expect(listed.body.map((k: { workspaceId: string }) => k.workspaceId)).toEqual([a.workspaceId]);
    }
    expect((await worker.json("/rest/metadata/apiKeys", { token: b.apiKeyToken })).status).toBe(200);
  });

  it("GraphQL: B's key, invitations and roles stay out of reach", async () => {
    const key = await gql(worker, `query($id: UUID!) { apiKey(input: { id: $id }) { id } }`, { id: b.apiKeyId }, { token: a.accessToken });
    expect(key.data.apiKey).toBeNull();
    const token = await gql(worker, `mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id, expiresAt: "2099-01-01T00:00:00Z") { token } }`, { id: b.apiKeyId }, { token: a.accessToken });
    expect(token.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const revoke = await gql(worker, `mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { id } }`, { id: b.apiKeyId }, { token: a.accessToken });
    expect(revoke.data.revokeApiKey).toBeNull();
    const bRoles = await gql(worker, `{ getRoles { id } }`, {}, { token: b.accessToken });
    const assign = await gql(worker, `mutation($k: UUID!, $r: UUID!) { assignRoleToApiKey(apiKeyId: $k, roleId: $r) }`, { k: a.apiKeyId, r: bRoles.data.getRoles[0].id }, { token: a.accessToken });
    expect(assign.errors?.[0]?.message).toBe("Role not found");
    const invitation = await gql(worker, `mutation { sendInvitations(emails: ["someone@example.com"]) { result { id } } }`, {}, { token: b.accessToken });
    const deleted = await gql(worker, `mutation($id: String!) { deleteWorkspaceInvitation(appTokenId: $id) }`, { id: invitation.data.sendInvitations.result[0].id }, { token: a.accessToken });
    expect(deleted.errors?.[0]?.message).toBe("Invitation not found");
    const current = await gql(worker, `{ currentWorkspace { id } }`, {}, { token: a.apiKeyToken });
    expect(current.data.currentWorkspace.id).toBe(a.workspaceId);
  });

  it("a token claiming B's workspace with A's key id is refused", async () => {
    const forged = twentyToken(worker.appSecret, b.workspaceId, "API_KEY", { sub: b.workspaceId, workspaceId: b.workspaceId, jti: a.apiKeyId });
    const res = await worker.json("/rest/metadata/apiKeys", { token: forged });
    expect(res.status).toBe(403);
    expect(res.body.messages).toEqual(["This API Key is revoked"]);
  });

  it("an access token for B naming A's membership is refused", async () => {
    const member = await addMember(worker, a, "crossing");
    const claims = JSON.parse(Buffer.from(member.accessToken.split(".")[1]!, "base64url").toString());
    const forged = twentyToken(worker.appSecret, b.workspaceId, "ACCESS", { ...claims, workspaceId: b.workspaceId });
    const res = await gql(worker, `{ currentWorkspace { id } }`, {}, { token: forged });
    expect(res.errors?.[0]?.message).toBe("Workspace not found");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { claimsOf } from "../harness/twenty-tokens.ts";
import { exchange } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
beforeAll(async () => {
  worker = await startTestWorker();
});
afterAll(() => worker?.close());

describe("the whole life of a session, over HTTP", () => {
  it("sign up → new workspace → login token → access + refresh → renew → API key → token → protected route → revoke → refused", async () => {
    const email = `founder-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const signUp = await gql(worker, `mutation { signUp(email: "${email}", password: "s3cret-enough") {
      tokens { accessOrWorkspaceAgnosticToken { token expiresAt } refreshToken { token } }
      availableWorkspaces { availableWorkspacesForSignIn { id } availableWorkspacesForSignUp { id } } } }`);
    expect(signUp.errors).toBeUndefined();
    expect(signUp.data.signUp.availableWorkspaces).toEqual({ availableWorkspacesForSignIn: [], availableWorkspacesForSignUp: [] });
    const agnostic = signUp.data.signUp.tokens.accessOrWorkspaceAgnosticToken.token;
    expect(claimsOf(agnostic)).toMatchObject({ type: "WORKSPACE_AGNOSTIC", authProvider: "password" });

    const created = await gql(worker, `mutation { signUpInNewWorkspace { loginToken { token } workspace { id workspaceUrls { subdomainUrl } } } }`, {}, { token: agnostic });
    expect(created.errors).toBeUndefined();
    const workspaceId = created.data.signUpInNewWorkspace.workspace.id;
    const loginClaims = claimsOf(created.data.signUpInNewWorkspace.loginToken.token);
    expect(loginClaims).toMatchObject({ type: "LOGIN", sub: email, workspaceId });
    expect((loginClaims.exp as number) - (loginClaims.iat as number)).toBe(15 * 60);

    const pending = await exchange(worker, created.data.signUpInNewWorkspace.loginToken.token);
    const activated = await gql(worker, `mutation { activateWorkspace(data: { displayName: "Founders" }) { id displayName activationStatus } }`, {}, { token: pending.access });
    expect(activated.data.activateWorkspace).toEqual({ id: workspaceId, displayName: "Founders", activationStatus: "ACTIVE" });

    const renewed = await gql(worker, `mutation($t: String!) { renewToken(appToken: $t) { tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } }`, { t: pending.refresh });
    expect(renewed.errors).toBeUndefined();
    const access = renewed.data.renewToken.tokens.accessOrWorkspaceAgnosticToken.token;
    const accessClaims = claimsOf(access);
    expect(accessClaims).toMatchObject({ type: "ACCESS", sub: accessClaims.userId, workspaceId, authProvider: "password", isImpersonating: false });
    expect(accessClaims.workspaceMemberId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect((accessClaims.exp as number) - (accessClaims.iat as number)).toBe(30 * 60);

    const me = await gql(worker, `{ currentUser { email workspaceMember { id userEmail } currentWorkspace { id displayName } } }`, {}, { token: access });
    expect(me.data.currentUser).toEqual({
      email,
      workspaceMember: { id: accessClaims.workspaceMemberId, userEmail: email },
      currentWorkspace: { id: workspaceId, displayName: "Founders" },
    });

    const roles = await gql(worker, `{ getRoles { id label } }`, {}, { token: access });
    const admin = roles.data.getRoles.find((r: { label: string }) => r.label === "Admin");
    expect(roles.data.getRoles.map((r: { label: string }) => r.label).sort()).toEqual(["Admin", "Member"]);
    const key = await gql(
      worker,
      `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { id name expiresAt revokedAt role { id label } } }`,
      { i: { name: "Zapier", expiresAt: "2099-12-31T23:59:59Z", roleId: admin.id } },
      { token: access },
    );
    expect(key.data.createApiKey).toMatchObject({ name: "Zapier", expiresAt: "2099-12-31T23:59:59.000Z", revokedAt: null, role: { id: admin.id, label: "Admin" } });
    const minted = await gql(worker, `mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id, expiresAt: "2099-12-31T23:59:59Z") { token } }`, { id: key.data.createApiKey.id }, { token: access });
    const apiToken = minted.data.generateApiKeyToken.token;
    expect(claimsOf(apiToken)).toMatchObject({ type: "API_KEY", sub: workspaceId, workspaceId, jti: key.data.createApiKey.id });

    const protectedRoute = await worker.json("/rest/metadata/apiKeys", { token: apiToken });
    expect(protectedRoute.status).toBe(200);
    expect(protectedRoute.body.map((k: { name: string }) => k.name)).toEqual(["Zapier"]);

    const revoked = await gql(worker, `mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { revokedAt } }`, { id: key.data.createApiKey.id }, { token: access });
    expect(revoked.data.revokeApiKey.revokedAt).toEqual(expect.any(String));
    const refused = await worker.json("/rest/metadata/apiKeys", { token: apiToken });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ statusCode: 403, error: "FORBIDDEN_EXCEPTION", messages: ["This API Key is revoked"] });
  });
});

describe("REST login and refresh (seed 001)", () => {
  it("answers {accessToken, refreshToken, expiresIn} and rotates the refresh token", async () => {
    const email = `rest-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const signUp = await gql(worker, `mutation { signUp(email: "${email}", password: "s3cret-enough") { tokens { accessOrWorkspaceAgnosticToken { token } } } }`);
    const agnostic = signUp.data.signUp.tokens.accessOrWorkspaceAgnosticToken.token;
    const created = await gql(worker, `mutation { signUpInNewWorkspace { loginToken { token } } }`, {}, { token: agnostic });
    const pending = await exchange(worker, created.data.signUpInNewWorkspace.loginToken.token);
    await gql(worker, `mutation { activateWorkspace(data: { displayName: "R" }) { id } }`, {}, { token: pending.access });

    const login = await worker.json("/auth/login", { method: "POST", body: { email: email.toUpperCase(), password: "s3cret-enough" } });
    expect(login.status).toBe(200);
    expect(Object.keys(login.body)).toEqual(["accessToken", "refreshToken", "expiresIn"]);
    expect(login.body.expiresIn).toBe(1800);
    expect(claimsOf(login.body.accessToken).workspaceMemberId).toEqual(expect.any(String));

    const refreshed = await worker.json("/auth/refresh", { method: "POST", body: { refreshToken: login.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    const apiKeys = await worker.json("/rest/metadata/apiKeys", { token: refreshed.body.accessToken });
    expect(apiKeys.status).toBe(200);
  });

  it("rejects bad bodies with 400 naming the field", async () => {
    const missing = await worker.json("/auth/login", { method: "POST", body: { email: "a@b.co" } });
    expect(missing.status).toBe(400);
    expect(missing.body.messages[0]).toBe('"password" is required in request body');
    const extra = await worker.json("/auth/login", { method: "POST", body: { email: "a@b.co", password: "x", remember: true } });
    expect(extra.status).toBe(400);
    expect(extra.body.messages[0]).toBe('Unknown field "remember" in request body');
    const malformed = await worker.fetch("/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: "INVALID_JSON", error: "BadRequestException" });
    const garbage = await worker.json("/auth/refresh", { method: "POST", body: { refreshToken: "not-a-jwt" } });
    expect(garbage.status).toBe(401);
    expect(garbage.body).toMatchObject({ error: "UNAUTHENTICATED", messages: ["No payload"] });
  });
});

import { expect } from "vitest";
import { gql } from "./graphql.ts";
import type { TestWorker } from "./test-worker.ts";

export interface WorkspaceFixture {
  email: string;
  password: string;
  workspaceId: string;
  accessToken: string;
  refreshToken: string;
  apiKeyId: string;
  apiKeyToken: string;
}

/**
 * A fresh user and active workspace through the public API (sign-up, new workspace, activation, renew),
 * plus an Admin API key. Each call makes a new workspace, so tests never share one by accident.
 */
export async function createWorkspace(worker: TestWorker, label = "ws"): Promise<WorkspaceFixture> {
  const email = `${label}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const password = "correct horse battery";
  const signUp = await gql(worker, `mutation($e: String!, $p: String!) { signUp(email: $e, password: $p) { tokens { accessOrWorkspaceAgnosticToken { token } } } }`, { e: email, p: password });
  expect(signUp.errors).toBeUndefined();
  const agnostic = signUp.data.signUp.tokens.accessOrWorkspaceAgnosticToken.token;
  const created = await gql(worker, `mutation { signUpInNewWorkspace { loginToken { token } workspace { id } } }`, {}, { token: agnostic });
  expect(created.errors).toBeUndefined();
  const workspaceId = created.data.signUpInNewWorkspace.workspace.id;
  const pending = await exchange(worker, created.data.signUpInNewWorkspace.loginToken.token);
  const activated = await gql(worker, `mutation { activateWorkspace(data: { displayName: "Acme" }) { id activationStatus } }`, {}, { token: pending.access });
  expect(activated.errors).toBeUndefined();
  const renewed = await gql(
    worker,
    `mutation($t: String!) { renewToken(appToken: $t) { tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } }`,
    { t: pending.refresh },
  );
  expect(renewed.errors).toBeUndefined();
  const accessToken = renewed.data.renewToken.tokens.accessOrWorkspaceAgnosticToken.token;
  const refreshToken = renewed.data.renewToken.tokens.refreshToken.token;
  const roles = await gql(worker, `{ getRoles { id label } }`, {}, { token: accessToken });
  const admin = roles.data.getRoles.find((r: { label: string }) => r.label === "Admin");
  const expiresAt = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();
  const key = await gql(worker, `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { id } }`, { i: { name: "test key", expiresAt, roleId: admin.id } }, { token: accessToken });
  expect(key.errors).toBeUndefined();
  const apiKeyId = key.data.createApiKey.id;
  const minted = await gql(worker, `mutation($id: UUID!, $e: String!) { generateApiKeyToken(apiKeyId: $id, expiresAt: $e) { token } }`, { id: apiKeyId, e: expiresAt }, { token: accessToken });
  expect(minted.errors).toBeUndefined();
  return { email, password, workspaceId, accessToken, refreshToken, apiKeyId, apiKeyToken: minted.data.generateApiKeyToken.token };
}

export async function exchange(worker: TestWorker, loginToken: string) {
  const res = await gql(
    worker,
    `mutation($t: String!) { getAuthTokensFromLoginToken(loginToken: $t, origin: "http://localhost") { tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } }`,
    { t: loginToken },
  );
  expect(res.errors).toBeUndefined();
  const tokens = res.data.getAuthTokensFromLoginToken.tokens;
  return { access: tokens.accessOrWorkspaceAgnosticToken.token as string, refresh: tokens.refreshToken.token as string };
}

export interface MemberFixture {
  email: string;
  password: string;
  accessToken: string;
}

/** A second user invited into the workspace, who gets its default role (Member). */
export async function addMember(worker: TestWorker, owner: WorkspaceFixture, label = "member"): Promise<MemberFixture> {
  const email = `${label}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const password = "another good password";
  const sent = await gql(worker, `mutation($e: [String!]!) { sendInvitations(emails: $e) { success errors } }`, { e: [email] }, { token: owner.accessToken });
  expect(sent.data.sendInvitations).toEqual({ success: true, errors: [] });
  const inviteToken = await invitationTokenFor(worker, email);
  const joined = await gql(
    worker,
    `mutation($e: String!, $p: String!, $t: String) { signUpInWorkspace(email: $e, password: $p, workspacePersonalInviteToken: $t) { loginToken { token } workspace { id } } }`,
    { e: email, p: password, t: inviteToken },
  );
  expect(joined.errors).toBeUndefined();
  expect(joined.data.signUpInWorkspace.workspace.id).toBe(owner.workspaceId);
  const { access } = await exchange(worker, joined.data.signUpInWorkspace.loginToken.token);
  return { email, password, accessToken: access };
}

/** Reads the newest invitation mailed to `email` from the dev outbox and pulls the personal token out of its link. */
export async function invitationTokenFor(worker: TestWorker, email: string): Promise<string> {
  const box = await worker.json(`/dev/emails?to=${encodeURIComponent(email)}`);
  const invitation = box.body.emails.find((e: { template: string }) => e.template === "invitation");
  const match = /inviteToken=([0-9a-f]{64})/.exec(invitation?.text ?? "");
  if (!match) throw new Error(`no invitation for ${email}`);
  return match[1]!;
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, exchange, invitationTokenFor, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let owner: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  owner = await createWorkspace(worker, "owner");
});
afterAll(() => worker?.close());

const joinWith = (email: string, variables: Record<string, unknown>) =>
  gql(
    worker,
    `mutation($e: String!, $p: String!, $t: String, $h: String, $w: UUID) {
      signUpInWorkspace(email: $e, password: $p, workspacePersonalInviteToken: $t, workspaceInviteHash: $h, workspaceId: $w) { loginToken { token } workspace { id } } }`,
    { e: email, p: "joiner password", ...variables },
  );

describe("invitations", () => {
  it("a personal invitation lets exactly its addressee join, once, as a Member", async () => {
    const member = await addMember(worker, owner);
    const roles = await gql(worker, `{ currentUser { currentUserWorkspace { permissionFlags } } }`, {}, { token: member.accessToken });
    expect(roles.data.currentUser.currentUserWorkspace.permissionFlags).toEqual([]);
    const ownerFlags = await gql(worker, `{ currentUser { currentUserWorkspace { permissionFlags } } }`, {}, { token: owner.accessToken });
    expect(ownerFlags.data.currentUser.currentUserWorkspace.permissionFlags).toContain("API_KEYS_AND_WEBHOOKS");
    const { rows } = await worker.db.sql.query(
      `SELECT r.label FROM core."roleTarget" rt JOIN core.role r ON r.id = rt."roleId" JOIN core."userWorkspace" uw ON uw.id = rt."userWorkspaceId"
       JOIN core."user" u ON u.id = uw."userId" WHERE u.email = $1`,
      [member.email],
    );
    expect(rows).toEqual([{ label: "Member" }]);
  });

  it("refuses a personal token presented with another email, and a used one", async () => {
    const invited = `invited-${crypto.randomUUID().slice(0, 6)}@example.com`;
    await gql(worker, `mutation($e: [String!]!) { sendInvitations(emails: $e) { success } }`, { e: [invited] }, { token: owner.accessToken });
    const token = await invitationTokenFor(worker, invited);
    const intruder = await joinWith(`intruder-${crypto.randomUUID().slice(0, 6)}@example.com`, { t: token });
    expect(intruder.errors?.[0]?.message).toBe("This invitation was sent to another email");
    const intruderAccount = await worker.db.sql.query(`SELECT 1 FROM core."user" WHERE email LIKE 'intruder-%'`);
    expect(intruderAccount.rows).toEqual([]);
    expect((await joinWith(invited, { t: token })).errors).toBeUndefined();
    const again = await joinWith(`${invited}`, { t: token });
    expect(again.errors?.[0]?.message).toBe("Invitation is invalid or has expired");
  });

  it("lists, resends and deletes invitations; bad emails are reported, not sent", async () => {
    const email = `pending-${crypto.randomUUID().slice(0, 6)}@example.com`;
    const sent = await gql(worker, `mutation($e: [String!]!) { sendInvitations(emails: $e) { success errors result { id email } } }`, { e: [email, "nope", owner.email] }, { token: owner.accessToken });
    expect(sent.data.sendInvitations.success).toBe(false);
    expect(sent.data.sendInvitations.errors).toEqual(["nope is not a valid email", `${owner.email} is already a member of this workspace`]);
    const id = sent.data.sendInvitations.result[0].id;
    const listed = await gql(worker, `{ findWorkspaceInvitations { id email expiresAt } }`, {}, { token: owner.accessToken });
    expect(listed.data.findWorkspaceInvitations).toContainEqual({ id, email, expiresAt: expect.any(String) });
    const resent = await gql(worker, `mutation($id: String!) { resendWorkspaceInvitation(appTokenId: $id) { result { id email } } }`, { id }, { token: owner.accessToken });
    const newId = resent.data.resendWorkspaceInvitation.result[0].id;
    expect(newId).not.toBe(id);
    const deleted = await gql(worker, `mutation($id: String!) { deleteWorkspaceInvitation(appTokenId: $id) }`, { id: newId }, { token: owner.accessToken });
    expect(deleted.data.deleteWorkspaceInvitation).toBe(newId);
    const after = await gql(worker, `{ findWorkspaceInvitations { id } }`, {}, { token: owner.accessToken });
    expect(after.data.findWorkspaceInvitations.map((i: { id: string }) => i.id)).not.toContain(newId);
  });

  it("the public invite link works only while the workspace allows it", async () => {
    const { data } = await gql(worker, `{ currentWorkspace { inviteHash isPublicInviteLinkEnabled } }`, {}, { token: owner.accessToken });
    expect(data.currentWorkspace.isPublicInviteLinkEnabled).toBe(true);
    const valid = await gql(worker, `query($h: String!) { checkWorkspaceInviteHashIsValid(inviteHash: $h) { isValid } }`, { h: data.currentWorkspace.inviteHash });
    expect(valid.data.checkWorkspaceInviteHashIsValid.isValid).toBe(true);
    const joined = await joinWith(`public-${crypto.randomUUID().slice(0, 6)}@example.com`, { h: data.currentWorkspace.inviteHash });
    expect(joined.data.signUpInWorkspace.workspace.id).toBe(owner.workspaceId);
    await gql(worker, `mutation { updateWorkspace(data: { isPublicInviteLinkEnabled: false }) { id } }`, {}, { token: owner.accessToken });
    const refused = await joinWith(`late-${crypto.randomUUID().slice(0, 6)}@example.com`, { h: data.currentWorkspace.inviteHash });
    expect(refused.errors?.[0]?.message).toBe("Invite link is invalid");
    await gql(worker, `mutation { updateWorkspace(data: { isPublicInviteLinkEnabled: true }) { id } }`, {}, { token: owner.accessToken });
  });

  it("joining a workspace without an invitation is refused", async () => {
    const res = await joinWith(`uninvited-${crypto.randomUUID().slice(0, 6)}@example.com`, { w: owner.workspaceId });
    expect(res.errors?.[0]).toMatchObject({ message: "An invitation is required to join this workspace", extensions: { code: "FORBIDDEN" } });
  });

  it("members without the WORKSPACE_MEMBERS permission cannot invite, API keys cannot either", async () => {
    const member = await addMember(worker, owner, "plain");
    const denied = await gql(worker, `mutation { sendInvitations(emails: ["x@example.com"]) { success } }`, {}, { token: member.accessToken });
    expect(denied.errors?.[0]).toMatchObject({ message: "Entity performing the request does not have permission", extensions: { code: "FORBIDDEN" } });
    const byKey = await gql(worker, `mutation { sendInvitations(emails: ["x@example.com"]) { success } }`, {}, { token: owner.apiKeyToken });
    expect(byKey.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("workspace settings", () => {
  it("the admin renames the workspace; a member may not; a bad subdomain is a 400", async () => {
    const renamed = await gql(worker, `mutation { updateWorkspace(data: { displayName: "Acme Two", subdomain: "acme-two" }) { displayName subdomain } }`, {}, { token: owner.accessToken });
    expect(renamed.data.updateWorkspace).toEqual({ displayName: "Acme Two", subdomain: "acme-two" });
    const bad = await gql(worker, `mutation { updateWorkspace(data: { subdomain: "Not OK!" }) { id } }`, {}, { token: owner.accessToken });
    expect(bad.errors?.[0]).toMatchObject({ message: "Subdomain is not valid", extensions: { code: "BAD_USER_INPUT" } });
    const member = await addMember(worker, owner, "renamer");
    const denied = await gql(worker, `mutation { updateWorkspace(data: { displayName: "Mine" }) { id } }`, {}, { token: member.accessToken });
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("activating twice is refused; deleting the workspace ends its tokens", async () => {
    const other = await createWorkspace(worker, "doomed");
    const again = await gql(worker, `mutation { activateWorkspace(data: { displayName: "x" }) { id } }`, {}, { token: other.accessToken });
    expect(again.errors?.[0]?.message).toBe("Workspace is already activated");
    const deleted = await gql(worker, `mutation { deleteCurrentWorkspace { id deletedAt } }`, {}, { token: other.accessToken });
    expect(deleted.data.deleteCurrentWorkspace.deletedAt).toEqual(expect.any(String));
    const after = await worker.json("/rest/metadata/apiKeys", { token: other.apiKeyToken });
    expect(after.status).toBe(403);
    const user = await gql(worker, `{ currentWorkspace { id } }`, {}, { token: other.accessToken });
    expect(user.errors?.[0]?.message).toBe("Workspace not found");
  });

  it("a transient token is short-lived and bound to the member", async () => {
    const res = await gql(worker, `mutation { generateTransientToken { transientToken { token expiresAt } } }`, {}, { token: owner.accessToken });
    const expiresIn = new Date(res.data.generateTransientToken.transientToken.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(4 * 60 * 1000);
    expect(expiresIn).toBeLessThanOrEqual(5 * 60 * 1000);
    const byKey = await gql(worker, `mutation { generateTransientToken { transientToken { token } } }`, {}, { token: owner.apiKeyToken });
    expect(byKey.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("signIn lists the workspaces a user can enter, each with a login token", async () => {
    const res = await gql(worker, `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { availableWorkspaces { availableWorkspacesForSignIn { id displayName loginToken } } } }`, { e: owner.email, p: owner.password });
    const [entry] = res.data.signIn.availableWorkspaces.availableWorkspacesForSignIn;
    expect(entry.id).toBe(owner.workspaceId);
    const tokens = await exchange(worker, entry.loginToken);
    expect((await worker.json("/rest/metadata/apiKeys", { token: tokens.access })).status).toBe(200);
  });
});

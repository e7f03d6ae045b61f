import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, exchange, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "settings");
});
afterAll(() => worker?.close());

const update = (data: Record<string, unknown>, token = ws.accessToken) =>
  gql(worker, `mutation($d: UpdateWorkspaceInput!) { updateWorkspace(data: $d) { displayName isGoogleAuthEnabled trashRetentionDays workspaceDiscoverability } }`, { d: data }, { token });

describe("updateWorkspace with Twenty 2.21's whole settings form", () => {
  it("accepts the values this server always has, alongside real changes", async () => {
    const res = await update({
      displayName: "Renamed",
      isGoogleAuthEnabled: false,
      isPasswordAuthEnabled: true,
      trashRetentionDays: 14,
      workspaceDiscoverability: "MEMBERS_AND_INVITEES",
      editableProfileFields: [],
      customDomain: null,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateWorkspace).toEqual({ displayName: "Renamed", isGoogleAuthEnabled: false, trashRetentionDays: 14, workspaceDiscoverability: "MEMBERS_AND_INVITEES" });
  });

  it("refuses a setting it has no feature behind, changing nothing", async () => {
    for (const [name, value] of [["isGoogleAuthEnabled", true], ["trashRetentionDays", 30], ["customDomain", "crm.example.com"], ["workspaceDiscoverability", "PUBLIC"]] as const) {
      const res = await update({ displayName: "Not applied", [name]: value });
      expect(res.errors?.[0], name).toMatchObject({ extensions: { code: "BAD_USER_INPUT", subCode: "WORKSPACE_SETTING_NOT_SUPPORTED" } });
      expect(res.errors?.[0]?.message, name).toContain(`"${name}" cannot be changed on this server`);
    }
    const current = await gql(worker, `{ currentWorkspace { displayName } }`, {}, { token: ws.accessToken });
    expect(current.data.currentWorkspace.displayName).toBe("Renamed");
  });

  it("security: a member without the WORKSPACE permission and an anonymous caller are refused", async () => {
    const member = await addMember(worker, ws);
    expect((await update({ displayName: "Hijacked" }, member.accessToken)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await gql(worker, `mutation { updateWorkspace(data: { displayName: "x" }) { id } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("signUpInNewWorkspace(input) as in Twenty 2.21", () => {
  const signUp = async () => {
    const email = `founder-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const res = await gql(worker, `mutation($e: String!) { signUp(email: $e, password: "founder password 1") { tokens { accessOrWorkspaceAgnosticToken { token } } } }`, { e: email });
    return res.data.signUp.tokens.accessOrWorkspaceAgnosticToken.token as string;
  };
  const create = (token: string, input?: Record<string, unknown>) =>
    gql(worker, `mutation($i: SignUpInNewWorkspaceInput) { signUpInNewWorkspace(input: $i) { loginToken { token } workspace { id } } }`, { i: input }, { token });

  it("takes the chosen name and subdomain, which activation keeps", async () => {
    const subdomain = `acme-${crypto.randomUUID().slice(0, 6)}`;
    const created = await create(await signUp(), { displayName: "Acme Rockets", subdomain });
    expect(created.errors).toBeUndefined();
    const { access } = await exchange(worker, created.data.signUpInNewWorkspace.loginToken.token);
    const activated = await gql(worker, `mutation { activateWorkspace(data: {}) { displayName subdomain activationStatus } }`, {}, { token: access });
    expect(activated.data.activateWorkspace).toEqual({ displayName: "Acme Rockets", subdomain, activationStatus: "ACTIVE" });
  });

  it("refuses a bad or taken subdomain; without input it still works", async () => {
    const token = await signUp();
    expect((await create(token, { subdomain: "Not Valid" })).errors?.[0]?.message).toBe("Subdomain is not valid");
    const subdomain = `taken-${crypto.randomUUID().slice(0, 6)}`;
    expect((await create(token, { subdomain })).errors).toBeUndefined();
    expect((await create(await signUp(), { subdomain })).errors?.[0]?.message).toBe("Subdomain already taken");
    expect((await create(token)).errors).toBeUndefined();
    expect((await create("not a token")).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

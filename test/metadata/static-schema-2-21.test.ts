import { MetadataApiClient } from "twenty-client-sdk/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, exchange, invitationTokenFor, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let other: WorkspaceFixture;
let ids: Record<string, string>;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "static221");
  other = await createWorkspace(worker, "elsewhere");
  const objects = await gql(worker, `{ objects(paging: { first: 100 }) { edges { node { id nameSingular } } } }`, {}, { token: ws.accessToken });
  ids = Object.fromEntries(objects.data.objects.edges.map((e: { node: { id: string; nameSingular: string } }) => [e.node.nameSingular, e.node.id]));
});
afterAll(() => worker?.close());

const run = async (query: string, variables: Record<string, unknown> = {}, token = ws.accessToken) => {
  const res = await gql(worker, query, variables, { token });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
};

/**
 * twenty-client-sdk 2.43 knows scalars Twenty added after 2.21; 2.21 itself refuses a query selecting them,
 * and so do we. Everything else `__scalar` asks for must be served.
 */
const newerThan221 = {
  Object: { openRecordIn: false, readability: false, readabilityParentFieldUniversalIdentifiers: false, writability: false },
  Field: { writability: false, isSearchable: false, isAuditLogged: false },
  Workspace: { allowedIframeOrigins: false, aiChatModelTier: false, aiAgentModelTier: false, isAutoModelSelectionEnabled: false, aiModelIdByTier: false, aiEvaluationModelId: false },
} as const;

describe("twenty-client-sdk selecting every scalar of Object, Field, Role and Workspace", () => {
  it("answers them all, with 2.21's values", async () => {
    const client = new MetadataApiClient({ url: new URL("/metadata", worker.url).href, headers: { Authorization: `Bearer ${ws.accessToken}` } });
    const result = await client.query({
      objects: {
        __args: { paging: { first: 100 }, filter: {} },
        edges: { node: { __scalar: true, ...newerThan221.Object, fieldsList: { __scalar: true, ...newerThan221.Field } } },
      },
      getRoles: { __scalar: true },
      currentWorkspace: { __scalar: true, ...newerThan221.Workspace },
    });
    const company = result.objects.edges.find((edge) => edge.node.nameSingular === "company")!.node;
    expect(company).toMatchObject({ isUIEditable: true, isUICreatable: true, isUIReadOnly: false, color: null, universalIdentifier: company.id });
    const name = company.fieldsList.find((field) => field.name === "name")!;
    expect(name).toMatchObject({ objectMetadataId: company.id, universalIdentifier: name.id, isUIEditable: true, morphId: null, applicationId: company.applicationId });
    const admin = result.getRoles.find((role) => role.label === "Admin")!;
    expect(admin.universalIdentifier).toBe("20202020-0001-0001-0001-000000000001");
    expect(result.currentWorkspace).toMatchObject({
      workspaceDiscoverability: "MEMBERS_AND_INVITEES",
      isGoogleAuthBypassEnabled: false,
      hasValidSignedEnterpriseKey: false,
      editableProfileFields: [],
      logoFileId: null,
      workspaceCustomApplicationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(result.currentWorkspace.databaseSchema).toMatch(/^workspace_/);
  });

  it("the newer members are not served: 2.21 does not have them", async () => {
    const res = await gql(worker, `{ currentWorkspace { aiChatModelTier } }`, {}, { token: ws.accessToken });
    expect(res.errors?.[0]?.message).toContain('Cannot query field "aiChatModelTier"');
  });
});

describe("objects and fields as Twenty 2.21 types them", () => {
  it("standard and custom metadata belong to two stable applications of the workspace", async () => {
    const created = await run(
      `mutation { createOneObject(input: { object: { nameSingular: "rocket", namePlural: "rockets", labelSingular: "Rocket", labelPlural: "Rockets", color: "red" } }) {
        id applicationId color isUIEditable searchFieldMetadataList { fieldMetadataId tsVectorFieldMetadataId position } fieldsList { id name type applicationId } } }`,
    );
    const rocket = created.createOneObject;
    const workspace = (await run(`{ currentWorkspace { workspaceCustomApplicationId } }`)).currentWorkspace;
    expect(rocket.applicationId).toBe(workspace.workspaceCustomApplicationId);
    expect(rocket.color).toBe("red");
    const nameField = rocket.fieldsList.find((f: { name: string }) => f.name === "name");
    const vector = rocket.fieldsList.find((f: { type: string }) => f.type === "TS_VECTOR");
    expect(rocket.searchFieldMetadataList).toEqual([{ fieldMetadataId: nameField.id, tsVectorFieldMetadataId: vector.id, position: 0 }]);
    const company = (await run(`query($id: UUID!) { object(id: $id) { applicationId searchFieldMetadataList { fieldMetadataId } } }`, { id: ids.company })).object;
    expect(company.applicationId).not.toBe(workspace.workspaceCustomApplicationId);
    expect(company.searchFieldMetadataList).toHaveLength(2);
    const again = (await run(`query($id: UUID!) { object(id: $id) { applicationId } }`, { id: ids.person })).object;
    expect(again.applicationId).toBe(company.applicationId);
    const elsewhere = (await run(`{ currentWorkspace { workspaceCustomApplicationId } }`, {}, other.accessToken)).currentWorkspace;
    expect(elsewhere.workspaceCustomApplicationId).not.toBe(workspace.workspaceCustomApplicationId);

    const recolored = await run(`mutation($id: UUID!) { updateOneObject(input: { id: $id, update: { color: "blue", isSearchable: false } }) { color isSearchable } }`, { id: rocket.id });
    expect(recolored.updateOneObject).toEqual({ color: "blue", isSearchable: false });
  });

  it("filters by objectMetadataId and isUIEditable; isUIEditable sets the stored read-only flag", async () => {
    const fields = await run(`query($id: UUID!) { fields(paging: { first: 1000 }, filter: { objectMetadataId: { eq: $id }, isUIEditable: { is: false } }) { edges { node { name objectMetadataId isUIReadOnly } } } }`, { id: ids.company });
    const nodes = fields.fields.edges.map((e: { node: unknown }) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n: { objectMetadataId: string; isUIReadOnly: boolean }) => n.objectMetadataId === ids.company && n.isUIReadOnly)).toBe(true);
    const created = await run(`mutation($o: UUID!) { createOneField(input: { field: { objectMetadataId: $o, type: TEXT, name: "field2Name", label: "Field 2", isUIEditable: false } }) { id name isUIEditable isUIReadOnly } }`, { o: ids.company });
    expect(created.createOneField).toMatchObject({ name: "field2Name", isUIEditable: false, isUIReadOnly: true });
    const updated = await run(`mutation($id: UUID!) { updateOneField(input: { id: $id, update: { isUIEditable: true } }) { isUIEditable isUIReadOnly } }`, { id: created.createOneField.id });
    expect(updated.updateOneField).toEqual({ isUIEditable: true, isUIReadOnly: false });
    const objects = await run(`{ objects(paging: { first: 100 }, filter: { isUICreatable: { is: false } }) { edges { node { isUIReadOnly } } } }`);
    expect(objects.objects.edges.every((e: { node: { isUIReadOnly: boolean } }) => e.node.isUIReadOnly)).toBe(true);
  });
});

describe("METADATA_VALIDATION_FAILED as Twenty 2.21 answers it", () => {
  it("an object with bad names: every broken rule under errors.objectMetadata, counters in summary", async () => {
    const res = await gql(
      worker,
      `mutation { createOneObject(input: { object: { nameSingular: "Bad_Name", namePlural: "user", labelSingular: "", labelPlural: "Bads" } }) { id } }`,
      {},
      { token: ws.accessToken },
    );
    const error = res.errors![0]!;
    expect(error.message).toBe("Multiple validation errors occurred while creating object");
    const extensions = error.extensions as Record<string, any>;
    expect(extensions.code).toBe("METADATA_VALIDATION_FAILED");
    expect(extensions.message).toBe("Validation failed for 1 object(s) and 0 field(s)");
    expect(extensions.summary).toMatchObject({ invalidObjectMetadata: 1, invalidFieldMetadata: 0, totalErrors: 1 });
    expect(extensions.errors.fieldMetadata).toEqual([]);
    expect(extensions.errors.objectMetadata).toEqual([
      {
        type: "create_object",
        status: "fail",
        flatEntityMinimalInformation: { id: expect.any(String), nameSingular: "Bad_Name", namePlural: "user" },
        errors: [
          { code: "INVALID_OBJECT_INPUT", message: "Name should be in camelCase", userFriendlyMessage: "Name should be in camelCase", value: "Bad_Name" },
          expect.objectContaining({ message: "Name is not valid: it must start with lowercase letter and contain only alphanumeric letters", value: "Bad_Name" }),
          expect.objectContaining({ message: "The name is not available", value: "user" }),
          expect.objectContaining({ message: "Object label is too short", value: "" }),
        ],
      },
    ]);
    expect(res.data).toBeNull();
  });

  it("a field whose name is not synced with its label (Twenty's T22)", async () => {
    const res = await gql(
      worker,
      `mutation($o: UUID!) { createOneField(input: { field: { objectMetadataId: $o, type: TEXT, name: "testField", label: "Different Label", isLabelSyncedWithName: true } }) { id } }`,
      { o: ids.person },
      { token: ws.accessToken },
    );
    const error = res.errors![0]!;
    expect(error.message).toBe("Multiple validation errors occurred while creating fields");
    const failure = (error.extensions as Record<string, any>).errors.fieldMetadata[0];
    expect(failure).toMatchObject({ type: "create_field", flatEntityMinimalInformation: { name: "testField", objectMetadataId: ids.person } });
    expect(failure.errors).toEqual([{ code: "NAME_NOT_SYNCED_WITH_LABEL", message: "Name is not synced with label", userFriendlyMessage: "Name is not synced with label", value: "testField" }]);
  });

  it("an update names the entity it failed on; unknown ids stay not found", async () => {
    const res = await gql(worker, `mutation($id: UUID!) { updateOneObject(input: { id: $id, update: { labelPlural: "Company" } }) { id } }`, { id: ids.company }, { token: ws.accessToken });
    expect(res.errors![0]!.message).toBe("Multiple validation errors occurred while updating object");
    expect((res.errors![0]!.extensions as Record<string, any>).errors.objectMetadata[0]).toMatchObject({
      type: "update_object",
      flatEntityMinimalInformation: { id: ids.company, nameSingular: "company", namePlural: "companies" },
      errors: [{ message: "The singular and plural labels cannot be the same for an object" }],
    });
    const unknown = await gql(worker, `mutation($id: UUID!) { updateOneField(input: { id: $id, update: { label: "X" } }) { id } }`, { id: crypto.randomUUID() }, { token: ws.accessToken });
    expect(unknown.errors![0]).toMatchObject({ message: "Field does not exist", extensions: { code: "NOT_FOUND" } });
  });
});

describe("roles, members and invitations with Twenty 2.21's members", () => {
  it("a role lists its members, API keys, flags and permissions; a member lists its roles", async () => {
    const data = await run(`{ getRoles { label workspaceMembers { userEmail roles { label } } apiKeys { id name expiresAt revokedAt } permissionFlags { id roleId flag } objectPermissions { objectMetadataId } fieldPermissions { id } } }`);
    const admin = data.getRoles.find((r: { label: string }) => r.label === "Admin");
    expect(admin.workspaceMembers).toEqual([{ userEmail: ws.email, roles: [{ label: "Admin" }] }]);
    expect(admin.apiKeys).toEqual([{ id: ws.apiKeyId, name: "test key", expiresAt: expect.any(String), revokedAt: null }]);
    expect(admin.objectPermissions).toEqual([]);
    const member = await addMember(worker, ws);
    const seenByMember = await gql(worker, `{ getRoles { label apiKeys { id } } }`, {}, { token: member.accessToken });
    expect(seenByMember.errors?.[0]).toMatchObject({ message: "Entity performing the request does not have permission", extensions: { code: "FORBIDDEN" } });
    const roles = await run(`{ getRoles { label workspaceMembers { userEmail } } }`, {}, member.accessToken);
    expect(roles.getRoles.find((r: { label: string }) => r.label === "Member").workspaceMembers).toEqual([{ userEmail: member.email }]);
  });

  it("currentUser: user vars, the workspace's members, the caller's object permissions", async () => {
    const me = await run(`{ currentUser { userVars workspaceMembers { userEmail userWorkspaceId } deletedWorkspaceMembers { id } supportUserHash
      currentUserWorkspace { user { email } objectsPermissions { objectMetadataId canReadObjectRecords canDestroyObjectRecords restrictedFields } } } }`);
    expect(me.currentUser.userVars).toEqual({});
    expect(me.currentUser.workspaceMembers.map((m: { userEmail: string }) => m.userEmail)).toContain(ws.email);
    expect(me.currentUser.deletedWorkspaceMembers).toEqual([]);
    expect(me.currentUser.currentUserWorkspace.user.email).toBe(ws.email);
    expect(me.currentUser.currentUserWorkspace.objectsPermissions).toContainEqual({ objectMetadataId: ids.company, canReadObjectRecords: true, canDestroyObjectRecords: true, restrictedFields: {} });
  });

  it("an invitation carries a role, and whoever accepts it gets that role", async () => {
    const roles = (await run(`{ getRoles { id label } }`)).getRoles;
    const admin = roles.find((r: { label: string }) => r.label === "Admin");
    const email = `adminto-${crypto.randomUUID().slice(0, 6)}@example.com`;
    const sent = await run(`mutation($e: [String!]!, $r: UUID) { sendInvitations(emails: $e, roleId: $r) { success result { email roleId } } }`, { e: [email], r: admin.id });
    expect(sent.sendInvitations).toEqual({ success: true, result: [{ email, roleId: admin.id }] });
    const listed = await run(`{ findWorkspaceInvitations { email roleId } }`);
    expect(listed.findWorkspaceInvitations).toContainEqual({ email, roleId: admin.id });
    const joined = await gql(
      worker,
      `mutation($e: String!, $p: String!, $t: String) { signUpInWorkspace(email: $e, password: $p, workspacePersonalInviteToken: $t) { loginToken { token } } }`,
      { e: email, p: "a fine password here", t: await invitationTokenFor(worker, email) },
    );
    const { access } = await exchange(worker, joined.data.signUpInWorkspace.loginToken.token);
    const flags = await run(`{ currentUser { currentUserWorkspace { permissionFlags } workspaceMember { roles { label } } } }`, {}, access);
    expect(flags.currentUser.workspaceMember.roles).toEqual([{ label: "Admin" }]);
    expect(flags.currentUser.currentUserWorkspace.permissionFlags).toContain("DATA_MODEL");
  });

  it("security: another workspace's role, an unknown role and a caller without WORKSPACE_MEMBERS are refused", async () => {
    const foreign = (await run(`{ getRoles { id label } }`, {}, other.accessToken)).getRoles.find((r: { label: string }) => r.label === "Admin");
    const email = `nobody-${crypto.randomUUID().slice(0, 6)}@example.com`;
    const invite = (roleId: string, token = ws.accessToken) =>
      gql(worker, `mutation($e: [String!]!, $r: UUID) { sendInvitations(emails: $e, roleId: $r) { success } }`, { e: [email], r: roleId }, { token });
    expect((await invite(foreign.id)).errors?.[0]).toMatchObject({ message: "Role not found", extensions: { code: "NOT_FOUND" } });
    expect((await invite(crypto.randomUUID())).errors?.[0]?.message).toBe("Role not found");
    const member = await addMember(worker, ws, "plain");
    expect((await invite(foreign.id, member.accessToken)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const box = await worker.json(`/dev/emails?to=${encodeURIComponent(email)}`);
    expect(box.body.emails).toEqual([]);
    const anonymous = await gql(worker, `{ getRoles { id workspaceMembers { id } } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("2.21's extra update inputs never move or rename a field", () => {
  it("accepts the field's own objectMetadataId and universalIdentifier, refuses others and morph payloads", async () => {
    const field = (await run(`query($id: UUID!) { object(id: $id) { fieldsList { id name universalIdentifier } } }`, { id: ids.person })).object.fieldsList.find(
      (f: { name: string }) => f.name === "jobTitle",
    );
    const same = await run(`mutation($id: UUID!, $o: UUID!, $u: String!) { updateOneField(input: { id: $id, update: { objectMetadataId: $o, universalIdentifier: $u, label: "Role title" } }) { label } }`, {
      id: field.id,
      o: ids.person,
      u: field.universalIdentifier,
    });
    expect(same.updateOneField.label).toBe("Role title");
    const refuse = async (update: Record<string, unknown>) => {
      const res = await gql(worker, `mutation($id: UUID!, $u: UpdateFieldInput!) { updateOneField(input: { id: $id, update: $u }) { id } }`, { id: field.id, u: update }, { token: ws.accessToken });
      return (res.errors?.[0]?.extensions as { errors?: { fieldMetadata: Array<{ errors: Array<{ message: string }> }> } })?.errors?.fieldMetadata[0]?.errors[0]?.message;
    };
    expect(await refuse({ objectMetadataId: ids.company })).toBe("A field cannot move to another object");
    expect(await refuse({ universalIdentifier: "something-else" })).toBe("The universal identifier of a field cannot be changed");
    expect(await refuse({ morphRelationsUpdatePayload: [{}] })).toBe("Morph relations are not supported");
    const skip = await gql(worker, `mutation { createOneObject(input: { object: { nameSingular: "bare", namePlural: "bares", labelSingular: "Bare", labelPlural: "Bares", skipNameField: true } }) { id } }`, {}, { token: ws.accessToken });
    expect(skip.errors?.[0]?.extensions?.code).toBe("METADATA_VALIDATION_FAILED");
  });
});

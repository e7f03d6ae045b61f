import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, type MemberFixture, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let other: WorkspaceFixture;
let member: MemberFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "gql-hooks");
  other = await createWorkspace(worker, "gql-hooks-other");
  member = await addMember(worker, ws);
});
afterAll(() => worker?.close());

const fields = "id targetUrl operations description secret applicationId createdAt updatedAt deletedAt";
const create = `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { ${fields} } }`;
const update = `mutation($i: UpdateWebhookInput!) { updateWebhook(input: $i) { ${fields} } }`;
const remove = `mutation($id: UUID!) { deleteWebhook(id: $id) { id deletedAt secret } }`;
const one = `query($id: UUID!) { webhook(id: $id) { ${fields} } }`;
const all = `{ webhooks { id secret } }`;

describe.each(["/metadata", "/graphql"] as const)("GraphQL webhooks on %s", (endpoint) => {
  it("runs Twenty's integration flow: create echoes the values, update, find, delete", async () => {
    const input = { targetUrl: "https://example.com/webhook", operations: ["person.created", "company.updated"], description: "Test webhook", secret: "test-secret" };
    const created = await gql(worker, create, { i: input }, { token: ws.accessToken, endpoint });
    expect(created.errors).toBeUndefined();
    expect(created.data.createWebhook).toMatchObject({ ...input, deletedAt: null });
    const id = created.data.createWebhook.id;

    const workspace = await gql(worker, `{ currentWorkspace { workspaceCustomApplicationId } }`, {}, { token: ws.accessToken });
    expect(created.data.createWebhook.applicationId).toBe(workspace.data.currentWorkspace.workspaceCustomApplicationId);

    const found = await gql(worker, one, { id }, { token: ws.accessToken, endpoint });
    expect(found.data.webhook).toMatchObject({ id, targetUrl: "https://example.com/webhook", secret: "********" });

    const changed = { targetUrl: "https://example.org/hook", operations: ["*.*"], description: "Updated", secret: "updated-secret" };
    const updated = await gql(worker, update, { i: { id, update: changed } }, { token: ws.accessToken, endpoint });
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateWebhook).toMatchObject(changed);
    const partly = await gql(worker, update, { i: { id, update: { description: "Only this" } } }, { token: ws.accessToken, endpoint });
    expect(partly.data.updateWebhook).toMatchObject({ description: "Only this", secret: "********", targetUrl: "https://example.org/hook" });

    const listed = await gql(worker, all, {}, { token: ws.accessToken, endpoint });
    expect(listed.data.webhooks).toContainEqual({ id, secret: "********" });

    const deleted = await gql(worker, remove, { id }, { token: ws.accessToken, endpoint });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deleteWebhook).toMatchObject({ id, deletedAt: expect.any(String), secret: "********" });
    expect((await gql(worker, one, { id }, { token: ws.accessToken, endpoint })).data.webhook).toBeNull();
    const again = await gql(worker, remove, { id }, { token: ws.accessToken, endpoint });
    expect(again.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("generates a secret when none is given, shown only in the create answer", async () => {
    const created = await gql(worker, create, { i: { targetUrl: "https://example.com/gen", operations: ["*.created"] } }, { token: ws.apiKeyToken, endpoint });
    const secret = created.data.createWebhook.secret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const listed = await gql(worker, `{ webhooks { ${fields} } }`, {}, { token: ws.apiKeyToken, endpoint });
    expect(JSON.stringify(listed.data)).not.toContain(secret);
  });

  it("bad input is BAD_USER_INPUT naming the problem", async () => {
    const badUrl = await gql(worker, create, { i: { targetUrl: "invalid-url", operations: ["*.*"] } }, { token: ws.accessToken, endpoint });
    expect(badUrl.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(badUrl.errors?.[0]?.message).toContain("not an absolute URL");
    const privateUrl = await gql(worker, create, { i: { targetUrl: "http://169.254.169.254/", operations: ["*.*"] } }, { token: ws.accessToken, endpoint });
    expect(privateUrl.errors?.[0]?.message).toContain("link-local");
    const badOp = await gql(worker, create, { i: { targetUrl: "https://example.com", operations: ["*.exploded"] } }, { token: ws.accessToken, endpoint });
    expect(badOp.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(badOp.errors?.[0]?.message).toContain('unknown action "exploded"');
    const unknownObject = await gql(worker, create, { i: { targetUrl: "https://example.com", operations: ["pet.*"] } }, { token: ws.accessToken, endpoint });
    expect(unknownObject.errors?.[0]?.message).toContain('unknown object "pet"');
    const badId = await gql(worker, `{ webhook(id: "nope") { id } }`, {}, { token: ws.accessToken, endpoint });
    expect(badId.errors?.[0]?.message).toContain("Invalid UUID");
    const missing = await gql(worker, update, { i: { id: crypto.randomUUID(), update: { description: "x" } } }, { token: ws.accessToken, endpoint });
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("security: anonymous UNAUTHENTICATED, member FORBIDDEN, other workspace sees nothing", async () => {
    expect((await gql(worker, all, {}, { endpoint: "/metadata" })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await gql(worker, all, {}, { token: member.accessToken, endpoint })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const deniedWrite = await gql(worker, create, { i: { targetUrl: "https://example.com", operations: ["*.*"] } }, { token: member.accessToken, endpoint });
    expect(deniedWrite.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const mine = await gql(worker, create, { i: { targetUrl: "https://example.com/mine", operations: ["*.*"] } }, { token: ws.accessToken, endpoint });
    const id = mine.data.createWebhook.id;
    expect((await gql(worker, one, { id }, { token: other.accessToken, endpoint })).data.webhook).toBeNull();
    expect((await gql(worker, all, {}, { token: other.accessToken, endpoint })).data.webhooks.map((w: { id: string }) => w.id)).not.toContain(id);
    expect((await gql(worker, update, { i: { id, update: { description: "hijack" } } }, { token: other.accessToken, endpoint })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await gql(worker, remove, { id }, { token: other.accessToken, endpoint })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await gql(worker, one, { id }, { token: ws.accessToken, endpoint })).data.webhook.description).toBeNull();
  });
});

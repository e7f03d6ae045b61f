import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, type MemberFixture, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let other: WorkspaceFixture;
let member: MemberFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "hooks");
  other = await createWorkspace(worker, "hooks-other");
  member = await addMember(worker, ws);
});
afterAll(() => worker?.close());

const keys = ["id", "targetUrl", "operations", "description", "secret", "applicationId", "workspaceId", "createdAt", "updatedAt", "deletedAt"];

describe.each(["/rest/metadata/webhooks", "/rest/webhooks"])("REST %s", (base) => {
  it("creates (201, secret shown once), reads, lists, updates and deletes", async () => {
    const created = await worker.json(base, {
      method: "POST",
      token: ws.apiKeyToken,
      body: { targetUrl: "https://example.com", operations: ["company.created", "*.updated", "person.*"], description: "CRM sync" },
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body)).toEqual(keys);
    expect(created.body).toMatchObject({
      targetUrl: "https://example.com/",
      operations: ["company.created", "*.updated", "person.*"],
      description: "CRM sync",
      workspaceId: ws.workspaceId,
      deletedAt: null,
    });
    expect(created.body.secret).toMatch(/^[0-9a-f]{64}$/);
    const id = created.body.id;

    const read = await worker.json(`${base}/${id}`, { token: ws.accessToken });
    expect(read.status).toBe(200);
    expect(read.body.secret).toBe("********");
    expect(read.body.applicationId).toBe(created.body.applicationId);
    const listed = await worker.json(base, { token: ws.accessToken });
    const inList = listed.body.find((w: { id: string }) => w.id === id);
    expect(inList.secret).toBe("********");
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);

    const updated = await worker.json(`${base}/${id}`, { method: "PATCH", token: ws.accessToken, body: { operations: ["*.*"], description: null, secret: "********" } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ operations: ["*.*"], description: null, secret: "********" });
    const rotated = await worker.json(`${base}/${id}`, { method: "PATCH", token: ws.accessToken, body: { secret: "a-new-secret", targetUrl: "https://hooks.example.org/in?x=1" } });
    expect(rotated.body).toMatchObject({ secret: "a-new-secret", targetUrl: "https://hooks.example.org/in?x=1" });
    expect((await worker.json(`${base}/${id}`, { token: ws.accessToken })).body.secret).toBe("********");

    const deleted = await worker.json(`${base}/${id}`, { method: "DELETE", token: ws.accessToken });
    expect(deleted.status).toBe(200);
    expect(deleted.body.deletedAt).toEqual(expect.any(String));
    expect(deleted.body.secret).toBe("********");
    expect((await worker.json(`${base}/${id}`, { token: ws.accessToken })).status).toBe(404);
    expect((await worker.json(base, { token: ws.accessToken })).body.map((w: { id: string }) => w.id)).not.toContain(id);
    expect((await worker.json(`${base}/${id}`, { method: "DELETE", token: ws.accessToken })).status).toBe(404);
  });

  it("keeps a caller's secret and id, defaults operations to *.*", async () => {
    const id = crypto.randomUUID();
    const created = await worker.json(base, { method: "POST", token: ws.accessToken, body: { id, targetUrl: "http://127.0.0.1:9999/hook", secret: "test-secret" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id, secret: "test-secret", operations: ["*.*"], description: null });
    const again = await worker.json(base, { method: "POST", token: ws.accessToken, body: { id, targetUrl: "https://example.com" } });
    expect(again.status).toBe(409);
  });

  it("refuses bad target URLs with a 400 naming the problem", async () => {
    const cases: Array<[unknown, string]> = [
      ["invalid-url", "not an absolute URL"],
      ["ftp://example.com/x", "scheme ftp: is not allowed"],
      ["https://user:pass@example.com/", "credentials in the URL"],
      ["http://10.1.2.3/", "private 10.0.0.0/8"],
      ["http://172.20.0.1/", "private 172.16.0.0/12"],
      ["http://192.168.1.10:8080/", "private 192.168.0.0/16"],
      ["http://169.254.169.254/latest/meta-data", "link-local 169.254.0.0/16"],
      ["http://0.0.0.0/", "0.0.0.0/8"],
      ["http://0x0a000001/", "private 10.0.0.0/8"],
      ["http://[fd00::1]/", "unique local fc00::/7"],
      ["http://[::ffff:192.168.0.1]/", "private 192.168.0.0/16"],
      ["http://[64:ff9b::10.0.0.1]/", "private 10.0.0.0/8"],
      ["http://[::127.0.0.1]/", "reserved ::/8"],
      ["http://[fe80::1]/", "link-local fe80::/10"],
      ["http://100.64.0.1/", "shared 100.64.0.0/10"],
      ["http://printer.local/", "local-only domain"],
      ["http://intranet/", "single-label"],
      ["", "targetUrl must be a non-empty string"],
    ];
    for (const [targetUrl, problem] of cases) {
      const res = await worker.json(base, { method: "POST", token: ws.accessToken, body: { targetUrl } });
      expect(res.status, String(targetUrl)).toBe(400);
      expect(res.body.messages[0], String(targetUrl)).toContain(problem);
      expect(res.body.code).toMatch(/^INVALID_WEBHOOK_URL$|^INVALID_WEBHOOK_INPUT$/);
    }
    const loopback = await worker.json(base, { method: "POST", token: ws.accessToken, body: { targetUrl: "http://localhost:4000/hook" } });
    expect(loopback.status).toBe(201);
    const v6 = await worker.json(base, { method: "POST", token: ws.accessToken, body: { targetUrl: "http://[::1]:4000/hook" } });
    expect(v6.status).toBe(201);
  });

  it("refuses bad operations and unknown fields", async () => {
    const cases: Array<[unknown, string]> = [
      [["pet.created"], 'unknown object "pet"'],
      [["company.exploded"], 'unknown action "exploded"'],
      [["company"], 'expected "<object>.<action>"'],
      [["a.b.c"], 'expected "<object>.<action>"'],
      [[], "at least one event"],
    ];
    for (const [operations, problem] of cases) {
      const res = await worker.json(base, { method: "POST", token: ws.accessToken, body: { targetUrl: "https://example.com", operations } });
      expect(res.status, JSON.stringify(operations)).toBe(400);
      expect(res.body.messages[0]).toContain(problem);
    }
    const wrongType = await worker.json(base, { method: "POST", token: ws.accessToken, body: { targetUrl: "https://example.com", operations: "*.*" } });
    expect(wrongType.status).toBe(400);
    const unknown = await worker.json(base, { method: "POST", token: ws.accessToken, body: { targetUrl: "https://example.com", events: ["*.*"] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.messages).toEqual(['Unknown field "events" in request body']);
    const created = await worker.json(base, { method: "POST", token: ws.accessToken, body: { targetUrl: "https://example.com", operations: ["opportunity.deleted", "*.restored", "note.*"] } });
    expect(created.status).toBe(201);
    const badUpdate = await worker.json(`${base}/${created.body.id}`, { method: "PATCH", token: ws.accessToken, body: { targetUrl: "http://192.168.0.1/" } });
    expect(badUpdate.status).toBe(400);
    const badId = await worker.json(`${base}/not-a-uuid`, { token: ws.accessToken });
    expect(badId.status).toBe(400);
  });

  it("security: no token → 401, member without the permission → 400, other workspace → 404", async () => {
    expect((await worker.json(base)).status).toBe(401);
    const denied = await worker.json(base, { token: member.accessToken });
    expect(denied.status).toBe(400);
    expect(denied.body).toMatchObject({ messages: ["Entity performing the request does not have permission"], code: "PERMISSION_DENIED" });
    const deniedWrite = await worker.json(base, { method: "POST", token: member.accessToken, body: { targetUrl: "https://example.com" } });
    expect(deniedWrite.body.code).toBe("PERMISSION_DENIED");

    const mine = await worker.json(base, { method: "POST", token: ws.accessToken, body: { targetUrl: "https://example.com/mine" } });
    const path = `${base}/${mine.body.id}`;
    expect((await worker.json(path, { token: other.accessToken })).status).toBe(404);
    expect((await worker.json(path, { method: "PATCH", token: other.accessToken, body: { description: "x" } })).status).toBe(404);
    expect((await worker.json(path, { method: "DELETE", token: other.accessToken })).status).toBe(404);
    expect((await worker.json(base, { token: other.accessToken })).body.map((w: { id: string }) => w.id)).not.toContain(mine.body.id);
    expect((await worker.json(path, { token: ws.accessToken })).body.deletedAt).toBeNull();
  });
});

describe("production rules", () => {
  let production: TestWorker;
  let prodWs: WorkspaceFixture;
  beforeAll(async () => {
    production = await startTestWorker({ ENVIRONMENT: "production" });
    prodWs = await createWorkspace(production, "hooks-prod");
  });
  afterAll(() => production?.close());

  it("requires https and refuses loopback", async () => {
    const post = (targetUrl: string) => production.json("/rest/metadata/webhooks", { method: "POST", token: prodWs.accessToken, body: { targetUrl } });
    const http = await post("http://example.com/hook");
    expect(http.status).toBe(400);
    expect(http.body.messages[0]).toContain("https is required");
    for (const url of ["https://localhost/hook", "https://127.0.0.1/hook", "https://[::1]/hook", "https://api.localhost/", "https://localhost./"]) {
      const res = await post(url);
      expect(res.status, url).toBe(400);
      expect(res.body.messages[0], url).toContain("not allowed in production");
    }
    expect((await post("https://example.com/hook")).status).toBe(201);
  });
});

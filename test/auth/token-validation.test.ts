import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { claimsOf, tamper, twentyToken } from "../harness/twenty-tokens.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "tokens");
});
afterAll(() => worker?.close());

const protectedPath = "/rest/metadata/apiKeys";

describe("tokens minted as a Twenty server mints them", () => {
  it("accepts an API key token signed with the workspace's ACCESS secret", async () => {
    const token = twentyToken(worker.appSecret, ws.workspaceId, "API_KEY", { sub: ws.workspaceId, workspaceId: ws.workspaceId, jti: ws.apiKeyId });
    expect((await worker.json(protectedPath, { token })).status).toBe(200);
  });

  it("accepts an ACCESS token with Twenty's claims", async () => {
    const claims = claimsOf(ws.accessToken);
    const token = twentyToken(worker.appSecret, ws.workspaceId, "ACCESS", {
      sub: claims.userId,
      userId: claims.userId,
      workspaceId: ws.workspaceId,
      workspaceMemberId: claims.workspaceMemberId,
      userWorkspaceId: claims.userWorkspaceId,
      authProvider: "password",
      isImpersonating: false,
    });
    expect((await worker.json(protectedPath, { token })).status).toBe(200);
    const me = await gql(worker, `{ currentUser { email } }`, {}, { token });
    expect(me.data.currentUser.email).toBe(ws.email);
  });
});

describe("refused tokens, REST (status and body) and GraphQL (200 with errors)", () => {
  const cases: Array<[string, () => string | undefined, number, string, string]> = [
    ["no token", () => undefined, 401, "UNAUTHENTICATED", "Missing authentication token"],
    ["not a JWT", () => "invalid-token", 401, "UNAUTHENTICATED", "Token invalid."],
    ["tampered signature", () => tamper(ws.apiKeyToken), 401, "UNAUTHENTICATED", "Token invalid."],
    ["signed with another APP_SECRET", () => twentyToken("another-secret-another-secret-000", ws.workspaceId, "API_KEY", { sub: ws.workspaceId, workspaceId: ws.workspaceId, jti: ws.apiKeyId }), 401, "UNAUTHENTICATED", "Token invalid."],
    ["expired", () => twentyToken(worker.appSecret, ws.workspaceId, "API_KEY", { sub: ws.workspaceId, workspaceId: ws.workspaceId, jti: ws.apiKeyId }, -60), 401, "UNAUTHENTICATED", "Token has expired."],
    ["wrong type (a login token)", () => twentyToken(worker.appSecret, ws.workspaceId, "LOGIN", { sub: ws.email, workspaceId: ws.workspaceId }), 403, "INVALID_JWT_TOKEN_TYPE", "Invalid token"],
    ["wrong type (a refresh token)", () => ws.refreshToken, 403, "INVALID_JWT_TOKEN_TYPE", "Invalid token"],
    ["an API key that does not exist", () => twentyToken(worker.appSecret, ws.workspaceId, "API_KEY", { sub: ws.workspaceId, workspaceId: ws.workspaceId, jti: crypto.randomUUID() }), 403, "FORBIDDEN_EXCEPTION", "This API Key is revoked"],
  ];

  for (const [name, token, status, error, message] of cases) {
    it(`${name} → ${status} ${message}`, async () => {
      const res = await worker.json(protectedPath, { token: token() });
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ statusCode: status, error, messages: [message] });
      if (token() === undefined) return;
      const graphql = await gql(worker, `{ currentWorkspace { id } }`, {}, { token: token() });
      expect(graphql.status).toBe(200);
      expect(graphql.errors?.[0]?.message).toBe(message);
      expect(graphql.data).toBeUndefined();
    });
  }

  it("reads tokens only from the Authorization header, never from ?token=", async () => {
    const res = await worker.json(`${protectedPath}?token=${ws.apiKeyToken}`);
    expect(res.status).toBe(401);
    expect(res.body.messages).toEqual(["Missing authentication token"]);
  });

  it("GraphQL without a token: protected fields answer UNAUTHENTICATED, public ones run", async () => {
    const res = await gql(worker, `{ currentWorkspace { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const open = await gql(worker, `{ checkUserExists(email: "${ws.email}") { exists availableWorkspacesCount } }`);
    expect(open.data.checkUserExists).toEqual({ exists: true, availableWorkspacesCount: 1 });
  });

  it("a key expired in the database stops working even if its token says otherwise", async () => {
    await worker.db.sql.query(`UPDATE core."apiKey" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [ws.apiKeyId]);
    const res = await worker.json(protectedPath, { token: ws.apiKeyToken });
    expect(res.status).toBe(403);
    expect(res.body.messages).toEqual(["This API Key has expired"]);
    await worker.db.sql.query(`UPDATE core."apiKey" SET "expiresAt" = now() + interval '1 year' WHERE id = $1`, [ws.apiKeyId]);
  });
});

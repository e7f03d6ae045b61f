import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type JsonResponse, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "pw");
});
afterAll(() => worker?.close());

const signUp = (email: string, password: string) =>
  gql(worker, `mutation($e: String!, $p: String!) { signUp(email: $e, password: $p) { tokens { refreshToken { token } } } }`, { e: email, p: password });
const loginToken = (email: string, password: string) =>
  gql(worker, `mutation($e: String!, $p: String!) { getLoginTokenFromCredentials(email: $e, password: $p, origin: "http://localhost") { loginToken { token } } }`, { e: email, p: password });

describe("passwords", () => {
  it("are stored as salted PBKDF2-SHA256, never in clear", async () => {
    const { rows } = await worker.db.sql.query(`SELECT "passwordHash" FROM core."user" WHERE email = $1`, [ws.email]);
    expect(rows[0].passwordHash).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(rows[0].passwordHash).not.toContain(ws.password);
  });

  it("refuse weak, empty and absurdly long passwords with a 400 that says why", async () => {
    const weak = await signUp(`weak-${crypto.randomUUID().slice(0, 6)}@example.com`, "short");
    expect(weak.errors?.[0]).toMatchObject({
      message: "Password too weak: it must contain at least 8 characters",
      extensions: { code: "BAD_USER_INPUT", subCode: "PASSWORD_TOO_WEAK" },
    });
    const empty = await signUp(`empty-${crypto.randomUUID().slice(0, 6)}@example.com`, "");
    expect(empty.errors?.[0]?.extensions?.subCode).toBe("PASSWORD_REQUIRED");
    const long = await signUp(`long-${crypto.randomUUID().slice(0, 6)}@example.com`, "x".repeat(300));
    expect(long.errors?.[0]?.extensions?.subCode).toBe("PASSWORD_TOO_LONG");
    const badEmail = await signUp("not-an-email", "long enough password");
    expect(badEmail.errors?.[0]?.message).toBe("Email is not valid");
  });

  it("a taken email cannot sign up again", async () => {
    const again = await signUp(ws.email.toUpperCase(), "whatever-password");
    expect(again.errors?.[0]).toMatchObject({ message: "User already exists", extensions: { code: "FORBIDDEN" } });
  });

  it("wrong password and unknown user answer as Twenty does", async () => {
    const wrong = await loginToken(ws.email, "not the password");
    expect(wrong.errors?.[0]).toMatchObject({ message: "Wrong password", extensions: { code: "FORBIDDEN" } });
    const unknown = await loginToken(`nobody-${crypto.randomUUID().slice(0, 6)}@example.com`, "whatever-password");
    expect(unknown.errors?.[0]).toMatchObject({ message: "User not found", extensions: { code: "UNAUTHENTICATED" } });
    const rest = await worker.json("/auth/login", { method: "POST", body: { email: ws.email, password: "nope-nope-nope" } });
    expect(rest.status).toBe(403);
    expect(rest.body).toMatchObject({ error: "FORBIDDEN_EXCEPTION", messages: ["Wrong password"] });
  });

  it("repeated failures for one email are throttled with Retry-After, other emails are not", async () => {
    const victim = await createWorkspace(worker, "victim");
    let last: JsonResponse | undefined;
    for (let i = 0; i < 11; i++) last = await worker.json("/auth/login", { method: "POST", body: { email: victim.email, password: `guess-${i}-guess` } });
    expect(last!.status).toBe(429);
    expect(last!.body.code).toBe("TOO_MANY_LOGIN_ATTEMPTS");
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    const even = await worker.json("/auth/login", { method: "POST", body: { email: victim.email, password: victim.password } });
    expect(even.status).toBe(429);
    const other = await worker.json("/auth/login", { method: "POST", body: { email: ws.email, password: ws.password } });
    expect(other.status).toBe(200);
  });
});

describe("password reset, end to end through the dev outbox", () => {
  it("mails a link whose token validates once and sets the new password", async () => {
    const user = await createWorkspace(worker, "reset");
    const asked = await gql(worker, `mutation($e: String!) { emailPasswordResetLink(email: $e) { success } }`, { e: user.email });
    expect(asked.data.emailPasswordResetLink.success).toBe(true);
    const box = await worker.json(`/dev/emails?to=${encodeURIComponent(user.email)}`);
    const mail = box.body.emails.find((e: { template: string }) => e.template === "password-reset");
    const secret = /reset-password\/([0-9a-f]{64})/.exec(mail.text)![1]!;

    const valid = await gql(worker, `query($t: String!) { validatePasswordResetToken(passwordResetToken: $t) { email hasPassword } }`, { t: secret });
    expect(valid.data.validatePasswordResetToken).toEqual({ email: user.email, hasPassword: true });
    const weak = await gql(worker, `mutation($t: String!) { updatePasswordViaResetToken(passwordResetToken: $t, newPassword: "short") { success } }`, { t: secret });
    expect(weak.errors?.[0]?.extensions?.subCode).toBe("PASSWORD_TOO_WEAK");
    const done = await gql(worker, `mutation($t: String!) { updatePasswordViaResetToken(passwordResetToken: $t, newPassword: "a brand new password") { success } }`, { t: secret });
    expect(done.data.updatePasswordViaResetToken.success).toBe(true);

    expect((await loginToken(user.email, user.password)).errors?.[0]?.message).toBe("Wrong password");
    expect((await loginToken(user.email, "a brand new password")).errors).toBeUndefined();
    const reused = await gql(worker, `query($t: String!) { validatePasswordResetToken(passwordResetToken: $t) { email } }`, { t: secret });
    expect(reused.errors?.[0]?.message).toBe("Token is invalid");
    const renew = await gql(worker, `mutation($t: String!) { renewToken(appToken: $t) { tokens { refreshToken { token } } } }`, { t: user.refreshToken });
    expect(renew.errors?.[0]?.message).toBe("Suspicious activity detected, this refresh token has been revoked. All tokens have been revoked.");
  });

  it("answers success for an unknown email without sending anything", async () => {
    const email = `ghost-${crypto.randomUUID().slice(0, 6)}@example.com`;
    const asked = await gql(worker, `mutation($e: String!) { emailPasswordResetLink(email: $e) { success } }`, { e: email });
    expect(asked.data.emailPasswordResetLink.success).toBe(true);
    expect((await worker.json(`/dev/emails?to=${email}`)).body.emails).toEqual([]);
  });
});

describe("refresh tokens", () => {
  it("rotate; a token reused after the cool-down revokes every session of the user", async () => {
    const user = await createWorkspace(worker, "rotate");
    const first = await worker.json("/auth/refresh", { method: "POST", body: { refreshToken: user.refreshToken } });
    expect(first.status).toBe(200);
    const parallelTab = await worker.json("/auth/refresh", { method: "POST", body: { refreshToken: user.refreshToken } });
    expect(parallelTab.status).toBe(200);
    await worker.db.sql.query(`UPDATE core."appToken" SET "revokedAt" = now() - interval '5 minutes' WHERE "revokedAt" IS NOT NULL AND type = 'REFRESH_TOKEN'`);
    const stolen = await worker.json("/auth/refresh", { method: "POST", body: { refreshToken: user.refreshToken } });
    expect(stolen.status).toBe(401);
    expect(stolen.body.messages[0]).toContain("Suspicious activity detected");
    const victimNext = await worker.json("/auth/refresh", { method: "POST", body: { refreshToken: first.body.refreshToken } });
    expect(victimNext.status).toBe(401);
  });
});

describe("the dev outbox route", () => {
  it("does not exist in production", async () => {
    const production = await startTestWorker({ ENVIRONMENT: "production" });
    try {
      const res = await production.json("/dev/emails");
      expect(res.status).toBe(404);
      expect(res.body.code).toBe("ROUTE_NOT_FOUND");
    } finally {
      await production.close();
    }
  });
});

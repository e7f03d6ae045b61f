import { createHash, createHmac } from "node:crypto";

/**
 * Mints JWTs the way a Twenty server does, written from the spec independently of src/: HS256 keyed with
 * hex(sha256(APP_SECRET + scopeId + TYPE)), API keys with the ACCESS secret. If src/ drifts from the
 * spec, tokens minted here stop being accepted.
 */
export function twentyToken(appSecret: string, scopeId: string, type: string, claims: Record<string, unknown>, expiresInSeconds = 3600): string {
  const secret = createHash("sha256").update(appSecret + scopeId + (type === "API_KEY" ? "ACCESS" : type)).digest("hex");
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify({ ...claims, type, iat: now, exp: now + expiresInSeconds }));
  const signature = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}

/** Flips one character of the signature. */
export function tamper(token: string): string {
  const last = token.at(-2) === "A" ? "B" : "A";
  return token.slice(0, -2) + last + token.slice(-1);
}

export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8"));
}

export type JwtTokenType = "ACCESS" | "REFRESH" | "WORKSPACE_AGNOSTIC" | "LOGIN" | "FILE" | "API_KEY";

const encoder = new TextEncoder();

/**
 * Twenty's per-type, per-scope HS256 secret: lowercase hex SHA-256 of `APP_SECRET + scopeId + TYPE`, where the
 * scope is the workspace (or, for workspace-agnostic and workspace-less refresh tokens, the user). API keys
 * are signed with the ACCESS secret of their workspace. Keeping this exact lets tokens move between servers.
 */
export async function tokenSecret(appSecret: string, scopeId: string, type: JwtTokenType): Promise<Uint8Array> {
  const signingType = type === "API_KEY" ? "ACCESS" : type;
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(appSecret + scopeId + signingType));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  // The key is the hex text itself, as NestJS hands the string to its HMAC.
  return encoder.encode(hex);
}

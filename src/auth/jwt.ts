import { decodeJwt, errors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import { AppError } from "../errors/app-error.ts";
import { tokenSecret, type JwtTokenType } from "./token-secret.ts";

export interface SignedToken {
  token: string;
  expiresAt: Date;
}

/** 401 bodies carry Twenty's exception code as `error`, as its REST middleware writes them. */
export const unauthenticated = (message: string) => new AppError(401, "UNAUTHENTICATED", message, "UNAUTHENTICATED");

export async function signToken(
  appSecret: string,
  scopeId: string,
  type: JwtTokenType,
  claims: Record<string, unknown>,
  expiresAt: Date,
): Promise<SignedToken> {
  const key = await tokenSecret(appSecret, scopeId, type);
  const builder = new SignJWT({ ...claims, type }).setProtectedHeader({ alg: "HS256", typ: "JWT" }).setIssuedAt().setExpirationTime(Math.floor(expiresAt.getTime() / 1000));
  if (typeof claims.jti === "string") builder.setJti(claims.jti);
  return { token: await builder.sign(key), expiresAt };
}

/**
 * The claims before any check, to learn which secret to verify with. A token that is not a JWT has none:
 * "No payload" in Twenty's wording for tokens in bodies (refresh, login tokens); see `bearerClaims`.
 */
export function readClaims(token: string, refusal = "No payload"): JWTPayload & Record<string, unknown> {
  try {
    return decodeJwt(token) as JWTPayload & Record<string, unknown>;
  } catch {
    throw unauthenticated(refusal);
  }
}

/** Twenty 2.21 answers a bearer token that is not a JWT as it does a bad signature. */
export const bearerClaims = (token: string) => readClaims(token, "Token invalid.");

export async function verifyToken(appSecret: string, token: string, scopeId: string, type: JwtTokenType): Promise<JWTPayload & Record<string, unknown>> {
  const key = await tokenSecret(appSecret, scopeId, type);
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ["HS256"] });
    return payload as JWTPayload & Record<string, unknown>;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthenticated("Token has expired.");
    throw unauthenticated("Token invalid.");
  }
}

export const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000);

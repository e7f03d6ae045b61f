import { AppError } from "../errors/app-error.ts";

/**
 * PBKDF2-SHA256 through WebCrypto, which Workers run natively. 100,000 iterations is the most the Workers
 * runtime accepts; each user has a 16-byte salt. Format: `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64).
 */
const iterations = 100_000;
const encoder = new TextEncoder();

export const passwordRules = { minLength: 8, maxLength: 256 };

/** Twenty asks for 8 characters at least; we also cap the length so hashing cannot be made expensive. */
export function assertAcceptablePassword(password: unknown): asserts password is string {
  if (typeof password !== "string" || password.length === 0) {
    throw new AppError(400, "PASSWORD_REQUIRED", "Password is required");
  }
  if (password.length < passwordRules.minLength) {
    throw new AppError(400, "PASSWORD_TOO_WEAK", `Password too weak: it must contain at least ${passwordRules.minLength} characters`);
  }
  if (password.length > passwordRules.maxLength) {
    throw new AppError(400, "PASSWORD_TOO_LONG", `Password too long: it must contain at most ${passwordRules.maxLength} characters`);
  }
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return `pbkdf2-sha256$${iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parts = stored?.split("$");
  if (!parts || parts.length !== 4 || parts[0] !== "pbkdf2-sha256") {
    // Same work as a real check, so a missing account does not answer faster than a wrong password.
    await derive(password, new Uint8Array(16), iterations);
    return false;
  }
  const rounds = Number(parts[1]);
  const expected = fromBase64(parts[3]!);
  const actual = await derive(password, fromBase64(parts[2]!), rounds);
  return constantTimeEqual(actual, expected);
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, rounds: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations: rounds }, key, 256);
  return new Uint8Array(bits);
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/**
 * What reads show instead of the secret: it is shown once, in the answer of the write that set it. A client
 * that sends this value back in an update (a settings form echoing what it read) keeps the secret unchanged.
 */
export const maskedSecret = "********";

/** 32 random bytes, hex: the HMAC key deliveries are signed with. */
export function generateSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

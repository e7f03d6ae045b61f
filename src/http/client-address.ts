/**
 * The caller's IP address as Cloudflare saw it. Cloudflare sets `CF-Connecting-IP` on every request and
 * replaces any value a client sent, so it cannot be forged from outside; off Cloudflare it may be absent.
 */
export function clientAddress(request: Request): string {
  return request.headers.get("cf-connecting-ip")?.trim() || "unknown";
}

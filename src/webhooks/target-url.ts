import { AppError } from "../errors/app-error.ts";

const invalid = (url: string, problem: string) => new AppError(400, "INVALID_WEBHOOK_URL", `Invalid target URL ${JSON.stringify(url)}: ${problem}`);

const maxLength = 2048;

type Address = { kind: "loopback" } | { kind: "refused"; range: string } | { kind: "public" };

/** IPv4 ranges a webhook must never reach: private, link-local (cloud metadata), CGNAT, "this network", reserved. */
const refusedV4: Array<[number, number, string]> = [
  [0x00000000, 8, "0.0.0.0/8"],
  [0x0a000000, 8, "private 10.0.0.0/8"],
  [0x64400000, 10, "shared 100.64.0.0/10"],
  [0xa9fe0000, 16, "link-local 169.254.0.0/16"],
  [0xac100000, 12, "private 172.16.0.0/12"],
  [0xc0a80000, 16, "private 192.168.0.0/16"],
  [0xe0000000, 4, "multicast 224.0.0.0/4"],
  [0xf0000000, 4, "reserved 240.0.0.0/4"],
];

function classifyV4(host: string): Address | undefined {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const value = parts.reduce((sum, p) => sum * 256 + Number(p), 0);
  if (value >>> 24 === 127) return { kind: "loopback" };
  for (const [base, bits, range] of refusedV4) {
    if (value >>> (32 - bits) === base >>> (32 - bits)) return { kind: "refused", range };
  }
  return { kind: "public" };
}

/** `host` as the URL parser prints it: compressed lower-case hex between brackets. */
function classifyV6(host: string): Address {
  const inner = host.slice(1, -1);
  if (inner === "::1") return { kind: "loopback" };
  if (inner === "::") return { kind: "refused", range: "unspecified ::" };
  // IPv4-mapped and NAT64 addresses reach the IPv4 address they embed.
  const embedded = /^(?:::ffff|64:ff9b:):([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(inner);
  if (embedded) {
    const value = parseInt(embedded[1]!, 16) * 65536 + parseInt(embedded[2]!, 16);
    return classifyV4([value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join("."))!;
  }
  const first = inner.startsWith("::") ? 0 : parseInt(inner.split(":")[0]!, 16);
  if ((first & 0xff00) === 0) return { kind: "refused", range: "reserved ::/8" };
  if ((first & 0xfe00) === 0xfc00) return { kind: "refused", range: "unique local fc00::/7" };
  if ((first & 0xffc0) === 0xfe80) return { kind: "refused", range: "link-local fe80::/10" };
  if ((first & 0xff00) === 0xff00) return { kind: "refused", range: "multicast ff00::/8" };
  return { kind: "public" };
}

function classifyName(name: string): Address {
  const host = name.replace(/\.+$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return { kind: "loopback" };
  if (!host.includes(".")) return { kind: "refused", range: "a single-label host name" };
  if (/\.(local|internal|localdomain|home\.arpa)$/.test(host)) return { kind: "refused", range: "a local-only domain" };
  return { kind: "public" };
}

const classify = (host: string): Address => (host.startsWith("[") ? classifyV6(host) : (classifyV4(host) ?? classifyName(host)));

/**
 * The target URL a webhook may be registered with, normalised as Twenty does (`new URL(..).toString()`).
 * Host names are judged by their text: an address they resolve to is the delivery's concern.
 */
export function validateTargetUrl(raw: unknown, production: boolean): string {
  if (typeof raw !== "string" || raw.trim() === "") throw new AppError(400, "INVALID_WEBHOOK_URL", "targetUrl must be a non-empty string");
  if (raw.length > maxLength) throw invalid(raw.slice(0, 64) + "…", `longer than ${maxLength} characters`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid(raw, "not an absolute URL. Please provide a valid HTTP or HTTPS URL.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw invalid(raw, `scheme ${url.protocol} is not allowed, use https`);
  if (url.username || url.password) throw invalid(raw, "credentials in the URL are not allowed (the secret signs each delivery)");
  const address = classify(url.hostname);
  if (address.kind === "refused") throw invalid(raw, `host ${url.hostname} is ${address.range}, which webhooks may not reach`);
  if (production && address.kind === "loopback") throw invalid(raw, `loopback host ${url.hostname} is not allowed in production`);
  if (production && url.protocol !== "https:") throw invalid(raw, "https is required");
  return url.toString();
}

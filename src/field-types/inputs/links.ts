import { invalidInput } from "./input-errors.ts";
import { shown } from "./input-messages.ts";

/**
 * Twenty's link rules: a URL with or without scheme (`acme.com` is fine), origin lower-cased, no trailing
 * slash (`https://ACME.com/` → `https://acme.com`); empty stays empty.
 */
export function normalizeUrl(value: unknown, key: string): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value !== "string") throw invalidInput(`Invalid string value ${shown(value)} for text field "${key}"`);
  const text = value.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    throw invalidInput("The URL of the link is not valid");
  }
  if (!/^https?:$/.test(url.protocol) || !url.hostname.includes(".") && url.hostname !== "localhost") {
    throw invalidInput("The URL of the link is not valid");
  }
  const origin = hasScheme ? `${url.protocol}//${url.host}` : url.host;
  const rest = `${url.pathname === "/" ? "" : url.pathname}${url.search}${url.hash}`;
  return `${origin.toLowerCase()}${rest}`.replace(/\/$/, "");
}

export function normalizeSecondaryLinks(value: unknown, key: string): Array<{ url: string; label: string }> | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) throw invalidInput(`Invalid array value ${shown(value)} for field "${key}" - It should be a list of {url, label}`);
  const links = value
    .map((link) => {
      if (!link || typeof link !== "object") throw invalidInput(`Invalid object value ${shown(link)} for field "${key}" - It should be a list of {url, label}`);
      const { url, label } = link as { url?: unknown; label?: unknown };
      return { url: normalizeUrl(url, key), label: typeof label === "string" ? label : "" };
    })
    .filter((link) => link.url !== "");
  return links.length ? links : null;
}

/**
 * Twenty shows a company by the logo its website's host gets from the twenty-icons service; the host
 * alone (no scheme, no `www.`, no path) is what that service is keyed by.
 */
export function companyLogoUrl(domain: string | null | undefined): string | undefined {
  const text = domain?.trim();
  if (!text) return undefined;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname;
  } catch {
    return undefined;
  }
  host = host.replace(/^www\./, "");
  return host ? `https://twenty-icons.com/${host}` : undefined;
}

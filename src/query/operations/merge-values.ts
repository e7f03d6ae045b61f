/** Whether a merged value counts as empty (then another record's value fills it). */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value as Record<string, unknown>).every(isEmpty);
  return false;
}

const listKeys: Record<string, [primary: string, list: string]> = {
  emails: ["primaryEmail", "additionalEmails"],
  phones: ["primaryPhoneNumber", "additionalPhones"],
  links: ["primaryLinkUrl", "secondaryLinks"],
};

/**
 * Merges records field by field: the priority record's value wins, an empty one is filled from the others in
 * order; lists (multi-selects, arrays) are unioned; for emails, phones and links the losing primaries join the
 * additional list, so no address is lost.
 */
export function mergeRecordValues(priority: Record<string, unknown>, others: Array<Record<string, unknown>>, kinds: Record<string, string>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...priority };
  for (const [key, kind] of Object.entries(kinds)) {
    const values = [priority[key], ...others.map((o) => o[key])];
    if (kind === "MULTI_SELECT" || kind === "ARRAY") {
      merged[key] = [...new Set(values.flatMap((v) => (Array.isArray(v) ? v : [])))];
      continue;
    }
    const list = listKeys[kind === "EMAILS" ? "emails" : kind === "PHONES" ? "phones" : kind === "LINKS" ? "links" : ""];
    if (list) {
      merged[key] = mergeList(values as Array<Record<string, unknown> | null>, list[0], list[1], kind);
      continue;
    }
    if (typeof priority[key] === "object" && priority[key] !== null && !Array.isArray(priority[key])) {
      const composite = { ...(priority[key] as Record<string, unknown>) };
      for (const sub of Object.keys(composite)) {
        if (isEmpty(composite[sub])) composite[sub] = values.map((v) => (v as Record<string, unknown> | null)?.[sub]).find((v) => !isEmpty(v)) ?? composite[sub];
      }
      merged[key] = composite;
      continue;
    }
    if (isEmpty(priority[key])) merged[key] = values.find((v) => !isEmpty(v)) ?? priority[key];
  }
  return merged;
}

function mergeList(values: Array<Record<string, unknown> | null>, primaryKey: string, listKey: string, kind: string): Record<string, unknown> {
  const present = values.filter((v): v is Record<string, unknown> => v !== null && typeof v === "object");
  const base = { ...(present.find((v) => !isEmpty(v[primaryKey])) ?? present[0] ?? {}) };
  const identity = (item: unknown) => (kind === "PHONES" ? (item as { number?: string })?.number : kind === "LINKS" ? (item as { url?: string })?.url : item);
  const seen = new Set<unknown>([base[primaryKey]]);
  const extra: unknown[] = [];
  for (const value of present) {
    const primary = value[primaryKey];
    const candidates = [
      ...(isEmpty(primary) ? [] : [kind === "PHONES" ? { number: primary, countryCode: value.primaryPhoneCountryCode ?? "", callingCode: value.primaryPhoneCallingCode ?? "" } : kind === "LINKS" ? { url: primary, label: value.primaryLinkLabel ?? "" } : primary]),
      ...(Array.isArray(value[listKey]) ? (value[listKey] as unknown[]) : []),
    ];
    for (const candidate of candidates) {
      const id = identity(candidate);
      if (seen.has(id)) continue;
      seen.add(id);
      extra.push(candidate);
    }
  }
  return { ...base, [listKey]: extra };
}

import { InvalidMetadataInput, MetadataIssues } from "./metadata-validation-error.ts";

/** Object/field name and label rules of Twenty 2.21's metadata engine, in its wording. */

const MAX_IDENTIFIER_LENGTH = 63;
const VALID_NAME = /^[a-z][a-zA-Z0-9]*$/;
const DTO_RESERVED = /^(?:not|or|and|Int|Float|Boolean|String|ID)$/;
const DTO_FORBIDDEN_CHARS = /['"\\;.=*/]/;

export const reservedMetadataNames: ReadonlySet<string> = new Set([
  "approvedAccessDomain", "approvedAccessDomains", "appToken", "appTokens",
  "billingCustomer", "billingCustomers", "billingEntitlement", "billingEntitlements",
  "billingMeter", "billingMeters", "billingProduct", "billingProducts",
  "billingSubscription", "billingSubscriptions", "billingSubscriptionItem", "billingSubscriptionItems",
  "featureFlag", "featureFlags", "job", "jobs", "keyValuePair", "keyValuePairs",
  "pageLayout", "pageLayouts", "pageLayoutTab", "pageLayoutTabs", "pageLayoutWidget", "pageLayoutWidgets",
  "postgresCredential", "postgresCredentials", "twoFactorMethod", "twoFactorMethods",
  "user", "users", "userWorkspace", "userWorkspaces", "workspace", "workspaces", "role", "roles",
  "userWorkspaceRole", "userWorkspaceRoles", "plan", "plans", "event", "events", "field", "fields",
  "link", "links", "currency", "currencies", "fullNames", "address", "addresses", "type", "types",
  "object", "objects", "index", "relation", "relations", "aggregate",
]);

const fail = (code: string, message: string, value?: unknown) => new InvalidMetadataInput(code, message, value);
const tooShort = (code: string, value: string) => fail(code, `Input is too short: "${value}"`, value);
const tooLong = (code: string, value: string) => fail(code, `Name is too long: it exceeds the ${MAX_IDENTIFIER_LENGTH} characters limit.`, value);

/** Throws the one rule broken, or all of them together. */
function throwIssues(issues: InvalidMetadataInput[]): void {
  if (issues.length === 1) throw issues[0]!;
  if (issues.length > 1) throw new MetadataIssues(issues);
}

// Character classes of lodash's `words`: only Latin-1 letters have a case; any other letter ("misc", e.g. `μ`)
// behaves as lowercase. Twenty compares names against lodash.camelcase, so `μ` survives the camelCase check and
// is rejected by the regex rule instead (T20 snapshot).
const BREAK = "\\s\\x00-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\xbf\\xd7\\xf7\\u2000-\\u206f";
const UPPER = "A-Z\\xc0-\\xd6\\xd8-\\xde";
const LOWER = "a-z\\xdf-\\xf6\\xf8-\\xff";
const MISC = `[^${BREAK}${UPPER}${LOWER}0-9\\u0300-\\u036f\\ud800-\\udfff\\u2700-\\u27bf]`;
const U = `[${UPPER}]`;
const MISC_LOWER = `(?:[${LOWER}]|${MISC})`;
const WORD = new RegExp(
  [
    `${U}?[${LOWER}]+(?=[${BREAK}]|${U}|$)`,
    `(?:${U}|${MISC})+(?=[${BREAK}]|${U}${MISC_LOWER}|$)`,
    `${U}?${MISC_LOWER}+`,
    `${U}+`,
    `\\d*(?:1ST|2ND|3RD|(?![123])\\dTH)(?=\\b|[a-z_])`,
    `\\d*(?:1st|2nd|3rd|(?![123])\\dth)(?=\\b|[A-Z_])`,
    `\\d+`,
  ].join("|"),
  "g",
);

const LIGATURES: Record<string, string> = {
  ß: "ss", æ: "ae", Æ: "Ae", œ: "oe", Œ: "Oe", ø: "o", Ø: "O", ð: "d", Ð: "D",
  þ: "th", Þ: "Th", đ: "d", Đ: "D", ł: "l", Ł: "L", ı: "i", ſ: "s",
};

/** lodash `deburr`: Latin letters lose their accents; other scripts are left alone. */
function deburr(value: string): string {
  return value
    .replace(/[\xc0-\u017f]/g, (c) => LIGATURES[c] ?? c.normalize("NFD"))
    .replace(/[\u0300-\u036f\ufe20-\ufe2f\u20d0-\u20ff]/g, "");
}

/** lodash `camelCase`, which Twenty uses both to check names and to derive them from labels. */
function camelCase(value: string): string {
  const words = deburr(value).replace(/['\u2019]/g, "").match(WORD) ?? [];
  return words
    .map((word, i) => {
      const lower = word.toLowerCase();
      return i === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join("");
}

/**
 * Twenty 2.21's name rules, every one checked (as its validators do), in its wording: length, camelCase
 * (lodash's, so `field2Name` passes and `test123abc` does not), `^[a-z][a-zA-Z0-9]*$`, reserved words.
 */
function nameIssues(name: unknown): InvalidMetadataInput[] {
  if (typeof name !== "string" || name.length < 1) return [fail("METADATA_NAME_TOO_SHORT", "Name is too short", typeof name === "string" ? name : "")];
  const issues: InvalidMetadataInput[] = [];
  if (name.length > MAX_IDENTIFIER_LENGTH) issues.push(fail("METADATA_NAME_TOO_LONG", "Name is too long", name));
  if (camelCase(name) !== name) issues.push(fail("METADATA_NAME_NOT_CAMEL_CASE", "Name should be in camelCase", name));
  // The DTO rule (GraphQL words, quoting characters) is one more way for a name not to be valid.
  if (!VALID_NAME.test(name) || DTO_RESERVED.test(name) || DTO_FORBIDDEN_CHARS.test(name)) {
    issues.push(fail("INVALID_METADATA_NAME", "Name is not valid: it must start with lowercase letter and contain only alphanumeric letters", name));
  }
  if (reservedMetadataNames.has(name)) issues.push(fail("METADATA_NAME_NOT_AVAILABLE", "The name is not available", name));
  return issues;
}

export function validateMetadataName(name: unknown): string {
  throwIssues(nameIssues(name));
  return name as string;
}

/** Field labels: 1 to 63 characters once trimmed. */
export function validateMetadataLabel(label: unknown): string {
  const trimmed = typeof label === "string" ? label.trim() : "";
  if (trimmed.length < 1) throw tooShort("INVALID_METADATA_LABEL", trimmed);
  if (trimmed.length > MAX_IDENTIFIER_LENGTH) throw tooLong("INVALID_METADATA_LABEL", trimmed);
  return trimmed;
}

function objectLabelIssues(label: unknown): InvalidMetadataInput[] {
  const trimmed = typeof label === "string" ? label.trim() : "";
  if (trimmed.length < 1) return [fail("INVALID_METADATA_LABEL", "Object label is too short", trimmed)];
  if (trimmed.length > MAX_IDENTIFIER_LENGTH) return [fail("INVALID_METADATA_LABEL", "Object label is too long", trimmed)];
  return [];
}

export interface ObjectNamesInput {
  nameSingular: unknown;
  namePlural: unknown;
  labelSingular: unknown;
  labelPlural: unknown;
}

export interface ObjectNames {
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
}

/** Both names and both labels of an object, every broken rule reported together. */
export function validateObjectNames(input: ObjectNamesInput): ObjectNames {
  const issues = [...nameIssues(input.nameSingular), ...nameIssues(input.namePlural), ...objectLabelIssues(input.labelSingular), ...objectLabelIssues(input.labelPlural)];
  const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
  const [nameSingular, namePlural, labelSingular, labelPlural] = [input.nameSingular, input.namePlural, input.labelSingular, input.labelPlural].map(text) as [string, string, string, string];
  if (nameSingular !== "" && nameSingular.toLowerCase() === namePlural.toLowerCase()) {
    issues.push(fail("OBJECT_NAMES_IDENTICAL", "The singular and plural names cannot be the same for an object", nameSingular));
  }
  if (labelSingular !== "" && labelSingular.toLowerCase() === labelPlural.toLowerCase()) {
    issues.push(fail("OBJECT_LABELS_IDENTICAL", "The singular and plural labels cannot be the same for an object", labelSingular));
  }
  throwIssues(issues);
  return { nameSingular: input.nameSingular as string, namePlural: input.namePlural as string, labelSingular, labelPlural };
}

/** `"2nd Owner"` → `n2ndOwner`, `"Café Owner"` → `cafeOwner`. */
export function computeMetadataNameFromLabel(label: string): string {
  // Twenty's slugify keeps only a-zA-Z0-9 (after transliteration); everything else separates words.
  const slug = deburr(label).replace(/[^a-zA-Z0-9]+/g, " ").trim();
  const name = camelCase(slug);
  if (name === "") throw tooShort("INVALID_METADATA_LABEL", "");
  // Checked after slugifying so that `"$5 fee"` cannot yield a digit-leading name either.
  return /^\d/.test(name) ? `n${name}` : name;
}

export function assertNameSyncedWithLabel(name: string, label: string): void {
  if (name !== computeMetadataNameFromLabel(label)) {
    throw fail("NAME_NOT_SYNCED_WITH_LABEL", "Name is not synced with label", name);
  }
}

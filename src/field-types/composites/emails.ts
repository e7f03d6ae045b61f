import { compositeType } from "../composite.ts";
import { invalidInput } from "../inputs/input-errors.ts";
import { shown } from "../inputs/input-messages.ts";

/** One `@`, something before it, a dotted domain after it, no spaces: what mail can be delivered to. */
const emailPattern = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

const lowerEmail = (value: unknown, key: string) => {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") throw invalidInput(`Invalid string value ${shown(value)} for text field "${key}"`);
  const email = value.trim().toLowerCase();
  if (email !== "" && !emailPattern.test(email)) throw invalidInput(`Invalid email value ${shown(value)} for field "${key}"`);
  return email;
};

export const emailsType = compositeType(
  "EMAILS",
  [
    { name: "primaryEmail", kind: "TEXT", defaultValue: "''", isUniquePart: true, searchable: true },
    { name: "additionalEmails", kind: "RAW_JSON", defaultValue: null, emptyJson: "[]" },
  ],
  (value, key) => {
    const out = { ...value };
    if ("primaryEmail" in out) out.primaryEmail = lowerEmail(out.primaryEmail, `${key}.primaryEmail`);
    if ("additionalEmails" in out && out.additionalEmails !== null) {
      if (!Array.isArray(out.additionalEmails)) throw invalidInput(`Invalid array value ${shown(out.additionalEmails)} for field "${key}.additionalEmails"`);
      const emails = out.additionalEmails.map((email) => lowerEmail(email, `${key}.additionalEmails`)).filter((email) => email !== "");
      out.additionalEmails = emails.length ? emails : null;
    }
    return out;
  },
);

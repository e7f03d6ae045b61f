import { compositeType } from "../composite.ts";
import { invalidInput } from "../inputs/input-errors.ts";

const lower = (value: unknown, key: string) => {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") throw invalidInput(`Field "${key}" takes an email text, got ${JSON.stringify(value)}`);
  return value.trim().toLowerCase();
};

export const emailsType = compositeType(
  "EMAILS",
  [
    { name: "primaryEmail", kind: "TEXT", defaultValue: "''", isUniquePart: true, searchable: true },
    { name: "additionalEmails", kind: "RAW_JSON", defaultValue: null, emptyJson: "[]" },
  ],
  (value, key) => {
    const out = { ...value };
    if ("primaryEmail" in out) out.primaryEmail = lower(out.primaryEmail, `${key}.primaryEmail`);
    if ("additionalEmails" in out && out.additionalEmails !== null) {
      if (!Array.isArray(out.additionalEmails)) throw invalidInput(`Field "${key}.additionalEmails" takes a list of emails`);
      const emails = out.additionalEmails.map((email) => lower(email, `${key}.additionalEmails`)).filter((email) => email !== "");
      out.additionalEmails = emails.length ? emails : null;
    }
    return out;
  },
);

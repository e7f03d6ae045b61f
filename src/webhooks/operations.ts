import { AppError } from "../errors/app-error.ts";

/** The record event actions a webhook can subscribe to (`<object>.<action>`). */
export const webhookActions = ["created", "updated", "deleted", "destroyed", "restored", "upserted"] as const;

const maxOperations = 200;
const invalid = (message: string) => new AppError(400, "INVALID_WEBHOOK_OPERATION", message);

/**
 * Each entry is `<object>.<action>`, either part `*`; objects are the workspace's singular names. Duplicates
 * are dropped, order kept.
 */
export function validateOperations(raw: unknown, objectNames: ReadonlySet<string>): string[] {
  if (!Array.isArray(raw)) throw invalid("operations must be a list of strings such as \"company.created\" or \"*.*\"");
  if (raw.length === 0) throw invalid("operations must name at least one event, e.g. \"*.*\"");
  if (raw.length > maxOperations) throw invalid(`operations may list at most ${maxOperations} entries`);
  const seen = new Set<string>();
  for (const entry of raw) {
    if (typeof entry !== "string") throw invalid(`Invalid operation ${JSON.stringify(entry)}: expected a string`);
    const parts = entry.split(".");
    if (parts.length !== 2) throw invalid(`Invalid operation ${JSON.stringify(entry)}: expected "<object>.<action>", e.g. "company.created"`);
    const [object, action] = parts as [string, string];
    if (object !== "*" && !objectNames.has(object)) throw invalid(`Invalid operation ${JSON.stringify(entry)}: unknown object "${object}"`);
    if (action !== "*" && !(webhookActions as readonly string[]).includes(action)) {
      throw invalid(`Invalid operation ${JSON.stringify(entry)}: unknown action "${action}", expected one of ${webhookActions.join(", ")} or *`);
    }
    seen.add(entry);
  }
  return [...seen];
}

/** Whether an operations list needs the workspace's object names (only when one entry names an object). */
export const namesObjects = (raw: unknown) => Array.isArray(raw) && raw.some((entry) => typeof entry === "string" && !entry.startsWith("*."));

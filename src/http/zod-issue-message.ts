import type { z } from "zod";

const places: Record<string, string> = { json: "request body", query: "query parameters", param: "path", header: "headers" };

/** One readable sentence for the first problem, naming the path, so a caller can fix the request. */
export function zodIssueMessage(error: z.ZodError, target?: string): string {
  const issue = error.issues[0];
  if (!issue) return "Invalid input";
  const where = places[target ?? ""] ?? "input";
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => `"${path ? `${path}.` : ""}${key}"`).join(", ");
    return `Unknown ${target === "query" ? "parameter" : "field"}${issue.keys.length > 1 ? "s" : ""} ${keys} in ${where}`;
  }
  // zod does not keep the input on issues; its message is the one place that says the value was absent.
  if (issue.code === "invalid_type" && issue.message.endsWith("received undefined")) return `"${path}" is required in ${where}`;
  return path ? `"${path}" in ${where}: ${issue.message}` : `${where}: ${issue.message}`;
}

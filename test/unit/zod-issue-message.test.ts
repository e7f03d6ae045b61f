import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodIssueMessage } from "../../src/http/zod-issue-message.ts";

const schema = z.strictObject({ email: z.string(), nested: z.strictObject({ n: z.number() }).optional() });
const messageFor = (input: unknown, target = "json") => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a failure");
  return zodIssueMessage(result.error, target);
};

describe("zodIssueMessage", () => {
  it("names missing and unknown fields with their path", () => {
    expect(messageFor({})).toBe('"email" is required in request body');
    expect(messageFor({ email: "x", other: 1, more: 2 })).toBe('Unknown fields "other", "more" in request body');
    expect(messageFor({ email: "x", nested: { n: 1, z: 2 } })).toBe('Unknown field "nested.z" in request body');
    expect(messageFor({ a: 1 }, "query")).toMatch(/^"email" is required in query parameters|Unknown parameter "a" in query parameters$/);
  });

  it("says what type was expected", () => {
    expect(messageFor({ email: 3 })).toBe('"email" in request body: Invalid input: expected string, received number');
  });
});

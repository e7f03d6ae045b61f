import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tokenSecret } from "../../src/auth/token-secret.ts";

const expected = (text: string) => new TextEncoder().encode(createHash("sha256").update(text).digest("hex"));

describe("tokenSecret", () => {
  it("is the hex SHA-256 of APP_SECRET + scope + type, as Twenty derives it", async () => {
    expect(await tokenSecret("s", "ws-1", "ACCESS")).toEqual(expected("sws-1ACCESS"));
    expect(await tokenSecret("s", "user-1", "WORKSPACE_AGNOSTIC")).toEqual(expected("suser-1WORKSPACE_AGNOSTIC"));
  });

  it("signs API keys with the ACCESS secret", async () => {
    expect(await tokenSecret("s", "ws-1", "API_KEY")).toEqual(expected("sws-1ACCESS"));
  });
});

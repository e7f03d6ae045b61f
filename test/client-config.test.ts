import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "./harness/test-worker.ts";

let worker: TestWorker;
let reference: Record<string, unknown>;
beforeAll(async () => {
  worker = await startTestWorker({ SERVER_URL: "https://crm.example.com" });
  reference = JSON.parse(await readFile(new URL("../../shared/spec/twenty-2.21/client-config.json", import.meta.url), "utf8"));
});
afterAll(() => worker?.close());

/** Every key path of a JSON value (array items by their first element), for comparing shapes, not values. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.length ? keyPaths(value[0], `${prefix}[]`) : [`${prefix}[]`];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) => [`${prefix}.${key}`, ...keyPaths(inner, `${prefix}.${key}`)]);
  }
  return [];
}

describe("GET /client-config (Twenty's web app reads it first, without a token)", () => {
  it("answers 2.21's shape with this server's facts", async () => {
    const res = await worker.json("/client-config");
    expect(res.status).toBe(200);
    const ours = new Set(keyPaths(res.body));
    const missing = keyPaths(reference).filter((path) => !ours.has(path) && !path.startsWith(".publicFeatureFlags[]") && !path.startsWith(".billing.trialPeriods[]"));
    expect(missing).toEqual([]);
    expect(Object.keys(res.body).sort()).toEqual(Object.keys(reference).sort());
    expect(res.body).toMatchObject({
      billing: { isBillingEnabled: false },
      authProviders: { password: true, google: false, microsoft: false, sso: [] },
      frontDomain: "crm.example.com",
      api: { mutationMaximumAffectedRecords: 200 },
      analyticsEnabled: false,
      allowRequestsToTwentyIcons: false,
    });
  });

  it("needs no token and ignores a bad one; other methods get the JSON error body", async () => {
    expect((await worker.json("/client-config", { token: "garbage" })).status).toBe(200);
    const post = await worker.json("/client-config", { method: "POST", body: {} });
    expect(post.status).toBe(404);
    expect(post.body).toMatchObject({ statusCode: 404, requestId: expect.any(String) });
  });
});

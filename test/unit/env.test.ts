import { describe, expect, it } from "vitest";
import { readEnv } from "../../src/config/env.ts";

const bindings = { FILES: {}, WORKFLOW_RUNS: {}, RATE_LIMITER: {} } as never as Record<string, unknown>;
const good = { ...bindings, APP_SECRET: "s".repeat(32), DATABASE_URL: "postgres://u@localhost:5432/db" };

describe("readEnv", () => {
  it("accepts a complete environment and fills defaults", () => {
    const result = readEnv({ ...good } as never);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.config).toMatchObject({ ENVIRONMENT: "production", LOG_LEVEL: "info" });
  });

  it("lists every problem by name", () => {
    const result = readEnv({ FILES: {} } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const text = result.problems.join("\n");
      for (const name of ["APP_SECRET", "DATABASE_URL", "WORKFLOW_RUNS", "RATE_LIMITER"]) expect(text).toContain(name);
      expect(text).not.toContain("FILES");
    }
  });

  it("refuses a URL without a database and an unknown environment name", () => {
    const result = readEnv({ ...good, DATABASE_URL: "postgres://host", ENVIRONMENT: "staging" } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toHaveLength(2);
  });

  it("validates an env object once", () => {
    const env = { ...good } as never;
    expect(readEnv(env)).toBe(readEnv(env));
  });
});

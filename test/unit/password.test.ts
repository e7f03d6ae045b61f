import { describe, expect, it } from "vitest";
import { assertAcceptablePassword, constantTimeEqual, hashPassword, verifyPassword } from "../../src/auth/password.ts";

describe("password hashing", () => {
  it("verifies the right password and refuses others; two hashes of one password differ (salt)", async () => {
    const hash = await hashPassword("a good password");
    expect(await verifyPassword("a good password", hash)).toBe(true);
    expect(await verifyPassword("a good passworD", hash)).toBe(false);
    expect(await hashPassword("a good password")).not.toBe(hash);
  });

  it("treats a missing or foreign hash as a mismatch", async () => {
    expect(await verifyPassword("x", null)).toBe(false);
    expect(await verifyPassword("x", "$2b$10$bcrypthashfromelsewhere")).toBe(false);
  });

  it("compares bytes without short-circuit", () => {
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
  });

  it("states the rule a password broke", () => {
    expect(() => assertAcceptablePassword(undefined)).toThrow("Password is required");
    expect(() => assertAcceptablePassword("1234567")).toThrow("at least 8 characters");
    expect(() => assertAcceptablePassword("12345678")).not.toThrow();
  });
});

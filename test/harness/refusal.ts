import { expect } from "vitest";
import { AppError } from "../../src/errors/app-error.ts";

/** The 400 AppError `run` throws (fails the test when it returns or throws something else). */
export function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    return error as AppError;
  }
  throw new Error("expected a 400");
}

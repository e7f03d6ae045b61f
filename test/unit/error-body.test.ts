import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors/app-error.ts";
import { errorBody, errorResponse, toAppError } from "../../src/errors/error-body.ts";

describe("the error body", () => {
  it("puts Twenty's keys first, in Twenty's order", () => {
    const body = errorBody(new AppError(400, "INVALID_FILTER", "bad filter"), "r1");
    expect(Object.keys(body)).toEqual(["statusCode", "error", "messages", "code", "requestId"]);
    expect(body).toEqual({ statusCode: 400, error: "BadRequestException", messages: ["bad filter"], code: "INVALID_FILTER", requestId: "r1" });
  });

  it("keeps a Twenty error name when one is given", () => {
    expect(errorBody(new AppError(401, "UNAUTHENTICATED", "Token invalid.", "UNAUTHENTICATED"), "r").error).toBe("UNAUTHENTICATED");
  });

  it("hides what an unexpected error says", () => {
    const error = toAppError(new Error("connection string postgres://secret"));
    expect(error.status).toBe(500);
    expect(error.message).toBe("Internal server error");
  });

  it("carries extra headers such as Retry-After", async () => {
    const res = errorResponse(new AppError(429, "RATE_LIMITED", "slow down", "HttpException", { "Retry-After": "7" }), "r");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(((await res.json()) as { error: string }).error).toBe("HttpException");
  });
});

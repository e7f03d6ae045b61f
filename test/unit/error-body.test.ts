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

  it("answers a database out of reach with 503 and Retry-After, whatever the driver wrapped it in", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const cases = [
      new Error("Failed query: select 1", { cause: refused }),
      Object.assign(new Error("Error connecting to database: TypeError: fetch failed"), { name: "NeonDbError" }),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      Object.assign(new Error("wrapped"), { cause: Object.assign(new Error("x"), { code: "08006" }) }),
    ];
    for (const error of cases) {
      const answer = toAppError(error);
      expect(answer, error.message).toMatchObject({ status: 503, code: "DATABASE_UNAVAILABLE", message: "Database unreachable" });
      expect(answer.headers["Retry-After"]).toMatch(/^\d+$/);
    }
  });

  it("answers a value Postgres refused with a 400 in fixed words, and keeps our own SQL mistakes 500s", () => {
    const pg = (code: string, message: string) => new Error("Failed query: ...", { cause: Object.assign(new Error(message), { code }) });
    expect(toAppError(pg("22P02", 'invalid input syntax for type uuid: "x"'))).toMatchObject({ status: 400, code: "INVALID_VALUE", message: "A value in the request is not valid for its field" });
    expect(toAppError(pg("22003", "value out of range"))).toMatchObject({ status: 400, code: "INVALID_VALUE" });
    expect(toAppError(pg("22021", 'invalid byte sequence for encoding "UTF8": 0x00'))).toMatchObject({ status: 400, code: "INVALID_TEXT" });
    expect(toAppError(pg("22P05", "unsupported Unicode escape sequence"))).toMatchObject({ status: 400, code: "INVALID_TEXT" });
    expect(toAppError(pg("54001", "stack depth limit exceeded"))).toMatchObject({ status: 400 });
    expect(toAppError(pg("42601", 'syntax error at or near "x"'))).toMatchObject({ status: 500, message: "Internal server error" });
    expect(toAppError(pg("42703", 'column "x" does not exist'))).toMatchObject({ status: 500 });
  });
});

import { z } from "zod";
import type { RateLimiterObject } from "../durable-objects/rate-limiter.ts";
import type { WorkflowRunObject } from "../durable-objects/workflow-run.ts";

/** What wrangler binds to the Worker: vars, secrets and platform bindings. */
export interface Bindings {
  APP_SECRET?: string;
  DATABASE_URL?: string;
  ENVIRONMENT?: string;
  SERVER_URL?: string;
  NEON_LOCAL_RELAY?: string;
  LOG_LEVEL?: string;
  EMAIL_API_URL?: string;
  EMAIL_API_KEY?: string;
  EMAIL_FROM?: string;
  RATE_LIMIT_REST?: string;
  RATE_LIMIT_GRAPHQL?: string;
  RATE_LIMIT_METADATA?: string;
  MAX_TEXT_VALUE_BYTES?: string;
  MAX_RECORD_BYTES?: string;
  FILES?: R2Bucket;
  WORKFLOW_RUNS?: DurableObjectNamespace<WorkflowRunObject>;
  RATE_LIMITER?: DurableObjectNamespace<RateLimiterObject>;
}

/** Caps on what one record input may hold, in UTF-8 bytes: one text value, and the whole record. */
export interface InputLimits {
  textValueBytes: number;
  recordBytes: number;
}

export const defaultInputLimits: InputLimits = { textValueBytes: 1024 * 1024, recordBytes: 4 * 1024 * 1024 };

let currentInputLimits = defaultInputLimits;

/**
 * The limits of the deploy serving this isolate. Vars are fixed per deploy and every request validates the env
 * before it can write, so the last validated env's values are the ones in force; the record input path reads
 * them here instead of each caller threading them through.
 */
export const inputLimits = (): InputLimits => currentInputLimits;

const binding = <T>(name: string) =>
  z.custom<T>((value) => typeof value === "object" && value !== null, { message: `binding ${name} is missing` });

const postgresUrl = z
  .string({ message: "is required" })
  .refine((value) => /^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(value), "must be a postgres:// URL with a database");

export const envSchema = z.object({
  APP_SECRET: z.string({ message: "is required" }).min(32, "must be at least 32 characters"),
  DATABASE_URL: postgresUrl,
  ENVIRONMENT: z.enum(["development", "test", "production"]).default("production"),
  SERVER_URL: z.url().optional(),
  NEON_LOCAL_RELAY: z
    .string()
    .regex(/^(127\.\d+\.\d+\.\d+|localhost):\d+$/, "must be a loopback host:port")
    .optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  EMAIL_API_URL: z.url().optional(),
  EMAIL_API_KEY: z.string().optional(),
  EMAIL_FROM: z.string().default("crm-edge <noreply@crm-edge.dev>"),
  RATE_LIMIT_REST: z.coerce.number().int().positive().default(200),
  RATE_LIMIT_GRAPHQL: z.coerce.number().int().positive().default(100),
  RATE_LIMIT_METADATA: z.coerce.number().int().positive().default(50),
  MAX_TEXT_VALUE_BYTES: z.coerce.number().int().positive().default(defaultInputLimits.textValueBytes),
  MAX_RECORD_BYTES: z.coerce.number().int().positive().default(defaultInputLimits.recordBytes),
  FILES: binding<R2Bucket>("FILES"),
  WORKFLOW_RUNS: binding<DurableObjectNamespace<WorkflowRunObject>>("WORKFLOW_RUNS"),
  RATE_LIMITER: binding<DurableObjectNamespace<RateLimiterObject>>("RATE_LIMITER"),
});

export type AppConfig = z.infer<typeof envSchema>;

export type EnvResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

// workerd hands the same env object to every request of an isolate, so validating once per object is enough.
const validated = new WeakMap<object, EnvResult>();

export function readEnv(env: Bindings): EnvResult {
  const cached = validated.get(env);
  if (cached) return cached;
  const parsed = envSchema.safeParse(env);
  const result: EnvResult = parsed.success
    ? { ok: true, config: parsed.data }
    : { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`) };
  validated.set(env, result);
  if (result.ok) currentInputLimits = { textValueBytes: result.config.MAX_TEXT_VALUE_BYTES, recordBytes: result.config.MAX_RECORD_BYTES };
  return result;
}

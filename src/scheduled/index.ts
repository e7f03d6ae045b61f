import type { Bindings } from "../config/env.ts";
import { readEnv } from "../config/env.ts";
import { createLogger, describeError } from "../config/logger.ts";
import { createDatabase, type Database } from "../db/database.ts";
import { purgeExpiredAppTokens } from "./purge-expired-app-tokens.ts";

interface ScheduledJob {
  name: string;
  run(db: Database): Promise<Record<string, unknown>>;
}

/** Everything deferred runs from the one-minute Cron Trigger; a job's failure does not stop the others. */
const jobs: ScheduledJob[] = [{ name: "purge-expired-app-tokens", run: purgeExpiredAppTokens }];

export async function runScheduled(cron: string, env: Bindings): Promise<void> {
  const result = readEnv(env);
  if (!result.ok) {
    createLogger("error").error("bad environment", { problems: result.problems, cron });
    return;
  }
  const logger = createLogger(result.config.LOG_LEVEL, { cron });
  const db = createDatabase(result.config);
  try {
    for (const job of jobs) {
      try {
        const outcome = await job.run(db);
        logger.info("scheduled job done", { job: job.name, ...outcome });
      } catch (error) {
        logger.error("scheduled job failed", { job: job.name, error: describeError(error) });
      }
    }
  } finally {
    await db.close();
  }
}

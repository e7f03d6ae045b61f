import type { AuthContext } from "./auth/auth-context.ts";
import type { AppConfig, Bindings } from "./config/env.ts";
import type { Logger } from "./config/logger.ts";
import type { Database } from "./db/database.ts";

/** What every handler finds in `c.var`, built once per request by the middleware in `src/http/`. */
export interface AppVariables {
  requestId: string;
  logger: Logger;
  config: AppConfig;
  db: Database;
  /** Set by the auth middleware on protected routes. */
  auth: AuthContext;
}

export type AppEnv = { Bindings: Bindings; Variables: AppVariables };

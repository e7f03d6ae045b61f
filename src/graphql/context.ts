import type { AuthContext } from "../auth/auth-context.ts";
import type { AppConfig } from "../config/env.ts";
import type { Logger } from "../config/logger.ts";
import type { Database } from "../db/database.ts";
import type { EmailSender } from "../email/email-sender.ts";

/** What every resolver gets: the request's services and the caller, resolved before execution. */
export interface GraphQLContext {
  requestId: string;
  config: AppConfig;
  logger: Logger;
  db: Database;
  auth: AuthContext | undefined;
  email: EmailSender;
  /** Absolute base URL of this server, for links in emails and workspace URLs. */
  serverUrl: string;
  /** The caller's address, which login throttling counts with the email. */
  clientAddress: string;
  waitUntil(promise: Promise<unknown>): void;
}

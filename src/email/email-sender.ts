import { emailOutbox } from "../../drizzle/schema/index.ts";
import type { AppConfig } from "../config/env.ts";
import type { Logger } from "../config/logger.ts";
import type { Db } from "../db/database.ts";

export interface Email {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the email is for, e.g. `password-reset`. */
  template: string;
  workspaceId?: string | null;
}

export interface EmailSender {
  send(email: Email): Promise<void>;
}

/**
 * With EMAIL_API_URL set, mail goes to an HTTP provider (Resend-style JSON: from, to, subject, text, html,
 * bearer EMAIL_API_KEY). Without it, mail lands in `core.emailOutbox`, which dev and tests read.
 */
export function createEmailSender(config: AppConfig, db: Db, logger: Logger): EmailSender {
  if (config.EMAIL_API_URL) {
    const url = config.EMAIL_API_URL;
    return {
      async send(email) {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${config.EMAIL_API_KEY ?? ""}` },
          body: JSON.stringify({ from: config.EMAIL_FROM, to: [email.to], subject: email.subject, text: email.text, html: email.html }),
        });
        if (!res.ok) logger.error("email provider refused a message", { status: res.status, template: email.template });
      },
    };
  }
  return {
    async send(email) {
      await db.insert(emailOutbox).values({
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html ?? null,
        template: email.template,
        workspaceId: email.workspaceId ?? null,
      });
    },
  };
}

import type { Email } from "./email-sender.ts";

export function passwordResetEmail(to: string, link: string, expiresAt: Date): Email {
  return {
    to,
    template: "password-reset",
    subject: "Reset your password",
    text: `Someone asked to reset the password of ${to}. To choose a new one, open:\n\n${link}\n\nThe link works until ${expiresAt.toISOString()}. If you did not ask, ignore this email.`,
  };
}

export function invitationEmail(to: string, workspaceName: string, inviter: string, link: string, workspaceId: string): Email {
  return {
    to,
    workspaceId,
    template: "invitation",
    subject: `${inviter} invited you to ${workspaceName}`,
    text: `${inviter} invited you to join the workspace ${workspaceName}. To accept, open:\n\n${link}\n`,
  };
}

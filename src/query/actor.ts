import type { WorkspaceAuthContext } from "../auth/auth-context.ts";

/** Who writes: fills `createdBy` and the events' actor. */
export interface Actor {
  source: "MANUAL" | "API" | "WORKFLOW" | "WEBHOOK" | "SYSTEM";
  name: string;
  workspaceMemberId: string | null;
  userId: string | null;
  apiKeyId: string | null;
}

/** A user writes MANUAL under their name and member; an API key writes API under the key's name (Twenty §1.11). */
export function actorOf(auth: WorkspaceAuthContext): Actor {
  if (auth.kind === "apiKey") return { source: "API", name: auth.apiKey.name, workspaceMemberId: null, userId: null, apiKeyId: auth.apiKey.id };
  return {
    source: "MANUAL",
    name: `${auth.user.firstName} ${auth.user.lastName}`.trim(),
    workspaceMemberId: auth.workspaceMemberId,
    userId: auth.user.id,
    apiKeyId: null,
  };
}

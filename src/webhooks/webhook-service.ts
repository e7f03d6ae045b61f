import { and, asc, eq, isNull } from "drizzle-orm";
import { webhooks, workspaces } from "../../drizzle/schema/index.ts";
import type { WorkspaceAuthContext } from "../auth/auth-context.ts";
import type { Db } from "../db/database.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { getWorkspaceMetadata } from "../metadata/metadata-cache.ts";
import { namesObjects, validateOperations } from "./operations.ts";
import { validateTargetUrl } from "./target-url.ts";
import { generateSecret, maskedSecret } from "./webhook-secret.ts";

type WebhookRow = typeof webhooks.$inferSelect;
/** A webhook as the API shows it: its application is the workspace's own; `secret` masked unless just set. */
export type WebhookView = WebhookRow & { applicationId: string };

export interface WebhookScope {
  workspaceId: string;
  metadataVersion: number;
  production: boolean;
}

export interface WebhookChanges {
  targetUrl?: string;
  operations?: string[];
  description?: string | null;
  secret?: string | null;
}

export type CreateWebhookInput = WebhookChanges & { id?: string | null };

const notFoundError = (id: string) => notFound(`Webhook with id ${id} not found`, "WEBHOOK_NOT_FOUND");
const invalid = (message: string) => new AppError(400, "INVALID_WEBHOOK_INPUT", message);

async function objectNames(db: Db, scope: WebhookScope, operations: unknown): Promise<Set<string>> {
  if (!namesObjects(operations)) return new Set();
  const metadata = await getWorkspaceMetadata(db, scope.workspaceId, scope.metadataVersion);
  return new Set(metadata.objectsBySingular.keys());
}

function description(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw invalid("description must be a string");
  return value;
}

function secret(value: unknown): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value !== "string") throw invalid("secret must be a string");
  if (value.length > 512) throw invalid("secret must be at most 512 characters");
  return value;
}

const live = (scope: WebhookScope, id: string) => and(eq(webhooks.id, id), eq(webhooks.workspaceId, scope.workspaceId), isNull(webhooks.deletedAt));
const masked = (row: WebhookView): WebhookView => ({ ...row, secret: maskedSecret });

async function select(db: Db, scope: WebhookScope, id?: string): Promise<WebhookView[]> {
  const rows = await db
    .select({ webhook: webhooks, applicationId: workspaces.customApplicationId })
    .from(webhooks)
    .innerJoin(workspaces, eq(workspaces.id, webhooks.workspaceId))
    .where(id ? live(scope, id) : and(eq(webhooks.workspaceId, scope.workspaceId), isNull(webhooks.deletedAt)))
    .orderBy(asc(webhooks.createdAt), asc(webhooks.id));
  return rows.map((row) => ({ ...row.webhook, applicationId: row.applicationId }));
}

/** Live webhooks of the workspace, oldest first, secrets masked. */
export async function listWebhooks(db: Db, scope: WebhookScope): Promise<WebhookView[]> {
  return (await select(db, scope)).map(masked);
}

/** Another workspace's webhook, or a deleted one, is simply not found. */
export async function getWebhook(db: Db, scope: WebhookScope, id: string): Promise<WebhookView> {
  const [row] = await select(db, scope, id);
  if (!row) throw notFoundError(id);
  return masked(row);
}

/** The answer is the only time the secret (given, or generated here) is shown. */
export async function createWebhook(db: Db, scope: WebhookScope, input: CreateWebhookInput): Promise<WebhookView> {
  const targetUrl = validateTargetUrl(input.targetUrl, scope.production);
  const operations = validateOperations(input.operations ?? ["*.*"], await objectNames(db, scope, input.operations));
  const values = {
    workspaceId: scope.workspaceId,
    targetUrl,
    operations,
    description: description(input.description),
    secret: secret(input.secret) ?? generateSecret(),
    ...(input.id ? { id: input.id } : {}),
  };
  const [row] = await db.insert(webhooks).values(values).onConflictDoNothing({ target: webhooks.id }).returning({ id: webhooks.id });
  if (!row) throw new AppError(409, "WEBHOOK_ID_TAKEN", `A webhook with id ${input.id} already exists`);
  const [created] = await select(db, scope, row.id);
  return { ...created!, secret: values.secret };
}

/** A new secret is shown in this answer only; the masked value sent back keeps the current one. */
export async function updateWebhook(db: Db, scope: WebhookScope, id: string, input: WebhookChanges): Promise<WebhookView> {
  const changes: Partial<WebhookRow> = { updatedAt: new Date() };
  if (input.targetUrl !== undefined) changes.targetUrl = validateTargetUrl(input.targetUrl, scope.production);
  if (input.operations !== undefined) changes.operations = validateOperations(input.operations, await objectNames(db, scope, input.operations));
  if (input.description !== undefined) changes.description = description(input.description);
  const newSecret = input.secret === maskedSecret ? undefined : secret(input.secret);
  if (newSecret !== undefined) changes.secret = newSecret;
  const [row] = await db.update(webhooks).set(changes).where(live(scope, id)).returning({ id: webhooks.id });
  if (!row) throw notFoundError(id);
  const updated = await getWebhook(db, scope, id);
  return newSecret === undefined ? updated : { ...updated, secret: newSecret };
}

/** Soft delete: the row stays for the delivery log, and stops receiving events at once. */
export async function deleteWebhook(db: Db, scope: WebhookScope, id: string): Promise<WebhookView> {
  const existing = await getWebhook(db, scope, id);
  const deletedAt = new Date();
  const [row] = await db.update(webhooks).set({ deletedAt, updatedAt: deletedAt }).where(live(scope, id)).returning({ id: webhooks.id });
  if (!row) throw notFoundError(id);
  return { ...existing, deletedAt, updatedAt: deletedAt };
}

export const webhookScopeOf = (auth: WorkspaceAuthContext, environment: string): WebhookScope => ({
  workspaceId: auth.workspace.id,
  metadataVersion: auth.workspace.metadataVersion,
  production: environment === "production",
});

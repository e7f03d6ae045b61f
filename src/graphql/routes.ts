import { Kind, OperationTypeNode, parse, type DocumentNode } from "graphql";
import { Hono, type Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { hasActiveWorkspace, type AuthContext } from "../auth/auth-context.ts";
import { bearerToken, contextOf } from "../auth/authenticate.ts";
import { verifyCaller } from "../auth/caller-row.ts";
import { withCaller } from "../auth/with-caller.ts";
import type { Runner } from "../query/operations/caller-gate.ts";
import { defaultGraphQLLimits } from "./limits/config.ts";
import { planWith } from "./workspace/caller.ts";
import { createEmailSender } from "../email/email-sender.ts";
import { AppError } from "../errors/app-error.ts";
import { enforceRateLimit, surfaceOf } from "../rate-limit/rate-limit.ts";
import type { GraphQLContext } from "./context.ts";
import { toGraphQLError } from "./errors.ts";
import { createGraphQLServer } from "./server.ts";
import { staticSchema } from "./static/index.ts";
import { workspaceSchema } from "./workspace/workspace-schema.ts";
import { metadataOf } from "./workspace-metadata.ts";
import { clientAddress } from "../http/client-address.ts";

const metadataServer = createGraphQLServer("/metadata", staticSchema);
/** /graphql: the workspace's generated schema (with the static operations) for a workspace caller, else the static one. */
const graphqlServer = createGraphQLServer("/graphql", async (ctx: GraphQLContext) => {
  const auth = ctx.auth;
  if (!auth || auth.kind === "workspaceAgnostic" || !hasActiveWorkspace(auth)) return staticSchema;
  return workspaceSchema(await metadataOf(ctx));
});

/**
 * What a GraphQL POST may carry: JSON (and its GraphQL-specific names), a multipart upload, or a form. A
 * `text/plain` body is refused: it is what a cross-site form may send without a CORS preflight.
 */
const graphqlMediaType = /^\s*(application\/(json|graphql\+json|graphql-response\+json|x-www-form-urlencoded)|multipart\/form-data)\s*(;|$)/i;

const unsupportedMediaType = () =>
  new AppError(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json (or multipart/form-data for uploads)");

/** Root fields of the static schema: anything on /graphql that is not a workspace record field. */
const staticQueryFields = new Set(Object.keys(staticSchema.getQueryType()?.getFields() ?? {}));
const staticMutationFields = new Set(Object.keys(staticSchema.getMutationType()?.getFields() ?? {}));

/**
 * Whether a /graphql request is one query of workspace record fields only, or one mutation of exactly one
 * workspace record field, read from a copy of the request: such a request may be planned with a caller hint
 * (see `withCaller`), its reads run again and its one write gated by the caller. Several mutation fields run
 * in sequence, so a retry could repeat an earlier one: those, and anything unusual (other media types,
 * batches, oversized or unparsable text), take the full check first.
 */
async function recordOperationOnly(request: Request): Promise<boolean> {
  let params: unknown;
  if (request.method === "GET") {
    const url = new URL(request.url);
    params = { query: url.searchParams.get("query"), operationName: url.searchParams.get("operationName") };
  } else if (/^\s*application\/(graphql\+)?json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
    params = await request.clone().json().catch(() => undefined);
  }
  const { query, operationName } = (params ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== "string" || query.length > defaultGraphQLLimits.maxDocumentBytes) return false;
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true, maxTokens: 20_000 });
  } catch {
    return false;
  }
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = typeof operationName === "string" ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  const selections = operation?.selectionSet.selections ?? [];
  const recordFields = (staticFields: Set<string>) => selections.every((s) => s.kind === Kind.FIELD && !s.name.value.startsWith("__") && !staticFields.has(s.name.value));
  if (operation?.operation === OperationTypeNode.QUERY) return recordFields(staticQueryFields);
  return operation?.operation === OperationTypeNode.MUTATION && selections.length === 1 && recordFields(staticMutationFields);
}

/**
 * Twenty's GraphQL endpoints answer auth failures with HTTP 200 and an `errors` body; without a token the
 * public operations (sign-in, sign-up, ...) still run. A workspace caller's record query, or single record
 * mutation, takes one round trip when the isolate has a hint for the caller (see `withCaller`).
 */
async function handle(c: Context<AppEnv>, server: ReturnType<typeof createGraphQLServer>) {
  if (c.req.method === "POST" && !graphqlMediaType.test(c.req.header("content-type") ?? "")) throw unsupportedMediaType();
  const token = bearerToken(c.req.header("authorization"));
  const surface = surfaceOf(c.req.path);
  // The body is read once per run: a run that must be redone gets a fresh copy.
  const run = async (auth: AuthContext | undefined, runner: Runner) => {
    if (auth) planWith(auth, runner);
    return server.fetch(c.req.raw.clone() as typeof c.req.raw, contextFor(c, auth));
  };
  if (!token) return run(undefined, c.var.db.http);
  let limited: unknown;
  const admit = async (auth: AuthContext) => {
    try {
      await enforceRateLimit(c, surface, auth);
    } catch (error) {
      limited = error;
      throw error;
    }
  };
  try {
    const caller = await verifyCaller(c.var.config.APP_SECRET, token);
    if (caller.kind !== "workspaceAgnostic" && c.req.path === "/graphql" && (await recordOperationOnly(c.req.raw))) {
      return await withCaller(c.var.db.http, caller, { admit, run });
    }
    const auth = await contextOf(c.var.db.http, caller);
    await admit(auth);
    return await run(auth, c.var.db.http);
  } catch (error) {
    if (error === limited || !(error instanceof AppError)) throw error;
    return c.json({ errors: [toGraphQLError(error).toJSON()] }, 200);
  }
}

function contextFor(c: Context<AppEnv>, auth: AuthContext | undefined): GraphQLContext {
  return {
    requestId: c.var.requestId,
    config: c.var.config,
    logger: c.var.logger,
    db: c.var.db,
    auth,
    email: createEmailSender(c.var.config, c.var.db.http, c.var.logger),
    serverUrl: c.var.config.SERVER_URL ?? new URL(c.req.url).origin,
    clientAddress: clientAddress(c.req.raw),
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
  };
}

export const graphqlApp = new Hono<AppEnv>()
  .on(["GET", "POST"], "/metadata", (c) => handle(c, metadataServer))
  .on(["GET", "POST"], "/graphql", (c) => handle(c, graphqlServer));

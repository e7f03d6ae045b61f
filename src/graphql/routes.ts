import { Hono, type Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { hasActiveWorkspace, type AuthContext } from "../auth/auth-context.ts";
import { authenticate, bearerToken } from "../auth/authenticate.ts";
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

/**
 * Twenty's GraphQL endpoints answer auth failures with HTTP 200 and an `errors` body; without a token the
 * public operations (sign-in, sign-up, ...) still run.
 */
async function handle(c: Context<AppEnv>, server: ReturnType<typeof createGraphQLServer>) {
  if (c.req.method === "POST" && !graphqlMediaType.test(c.req.header("content-type") ?? "")) throw unsupportedMediaType();
  const token = bearerToken(c.req.header("authorization"));
  let auth: AuthContext | undefined;
  if (token) {
    try {
      auth = await authenticate(c.var.db.http, c.var.config.APP_SECRET, token);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return c.json({ errors: [toGraphQLError(error).toJSON()] }, 200);
    }
  }
  await enforceRateLimit(c, surfaceOf(c.req.path), auth);
  const context: GraphQLContext = {
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
  return server.fetch(c.req.raw, context);
}

export const graphqlApp = new Hono<AppEnv>()
  .on(["GET", "POST"], "/metadata", (c) => handle(c, metadataServer))
  .on(["GET", "POST"], "/graphql", (c) => handle(c, graphqlServer));

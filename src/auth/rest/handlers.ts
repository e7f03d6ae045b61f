import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.ts";
import { clientAddress } from "../../http/client-address.ts";
import { accessSubject, pickMembership } from "../services/memberships.ts";
import { passwordLogin } from "../services/password-login.ts";
import { consumeRefreshToken, issueTokenPair, type TokenPair } from "../services/session-tokens.ts";
import { findUserById } from "../services/users.ts";
import { unauthenticated } from "../jwt.ts";
import { tokenLifetimes } from "../tokens.ts";
import type { loginRoute, refreshRoute } from "./routes.ts";

const body = (pair: TokenPair) => ({
  accessToken: pair.accessOrWorkspaceAgnosticToken.token,
  refreshToken: pair.refreshToken.token,
  expiresIn: tokenLifetimes.access,
});

export const login: RouteHandler<typeof loginRoute, AppEnv> = async (c) => {
  const { email, password, workspaceId } = c.req.valid("json");
  const { db, config } = c.var;
  const user = await passwordLogin(db.http, config.RATE_LIMITER, email, password, clientAddress(c.req.raw));
  const membership = await pickMembership(db.http, user.id, workspaceId);
  const workspace = await accessSubject(db.http, user.id, membership);
  return c.json(body(await issueTokenPair(db.http, config.APP_SECRET, { userId: user.id, workspace })), 200);
};

export const refresh: RouteHandler<typeof refreshRoute, AppEnv> = async (c) => {
  const { db, config } = c.var;
  const refreshed = await consumeRefreshToken(db.http, config.APP_SECRET, c.req.valid("json").refreshToken);
  if (!refreshed.workspaceId) throw unauthenticated("This refresh token is not bound to a workspace");
  const user = await findUserById(db.http, refreshed.userId);
  if (!user) throw unauthenticated("User not found");
  const workspace = await accessSubject(db.http, user.id, await pickMembership(db.http, user.id, refreshed.workspaceId));
  return c.json(body(await issueTokenPair(db.http, config.APP_SECRET, { userId: user.id, workspace, authProvider: refreshed.authProvider })), 200);
};

import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { requireWorkspaceAuth, workspaceAuth } from "../http/require-auth.ts";
import { getWorkspaceMetadata } from "../metadata/metadata-cache.ts";
import { coreDocumentText } from "./core-document.ts";
import { metadataDocumentText } from "./metadata-document.ts";

const serverUrl = (c: { var: AppEnv["Variables"]; req: { url: string } }) => c.var.config.SERVER_URL ?? new URL(c.req.url).origin;
const jsonText = (text: string) => new Response(text, { headers: { "content-type": "application/json; charset=UTF-8" } });

/**
 * `/rest/open-api/core` (the workspace's objects, from live metadata, cached by version) and
 * `/rest/open-api/metadata`, both behind a token; `/rest/docs` is a browsable page (Scalar) that loads them.
 */
export const openApiApp = new Hono<AppEnv>()
  .get("/rest/docs", Scalar({ url: "/rest/open-api/core", pageTitle: "crm-edge REST API" }))
  .use("/rest/open-api/*", requireWorkspaceAuth)
  .get("/rest/open-api/core", async (c) => {
    const { workspace } = workspaceAuth(c.var.auth);
    const metadata = await getWorkspaceMetadata(c.var.db.http, workspace.id, workspace.metadataVersion);
    return jsonText(coreDocumentText(metadata, serverUrl(c)));
  })
  .get("/rest/open-api/metadata", (c) => jsonText(metadataDocumentText(serverUrl(c))));

import { OpenAPIHono } from "@hono/zod-openapi";
import { apiKeysRestApp } from "../api-keys/rest/index.ts";
import { metadataRestApp } from "../metadata/rest/index.ts";

let cached: { serverUrl: string; text: string } | undefined;

/** The metadata REST API (objects, fields, API keys) as OpenAPI 3.1, from the routes' own definitions. */
export function metadataDocumentText(serverUrl: string): string {
  if (cached?.serverUrl === serverUrl) return cached.text;
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  app.route("/", metadataRestApp());
  app.route("/apiKeys", apiKeysRestApp());
  const document = app.getOpenAPI31Document({
    openapi: "3.1.1",
    info: { title: "Twenty Api", version: "v0.1", description: "Metadata API: objects, fields and API keys of the workspace." },
    servers: [{ url: `${serverUrl}/rest/metadata` }],
    security: [{ bearerAuth: [] }],
  });
  cached = { serverUrl, text: JSON.stringify(document) };
  return cached.text;
}

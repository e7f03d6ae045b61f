import { and, eq, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../../drizzle/schema/index.ts";
import { createApiKey, generateApiKeyToken } from "../../src/api-keys/api-key-service.ts";
import { createUser, findUserByEmail } from "../../src/auth/services/users.ts";
import { activateWorkspace, createPendingWorkspace } from "../../src/workspaces/create-workspace.ts";
import { insertDemoRecords } from "./demo-records.ts";

export const demoLogin = { email: "demo@crm-edge.dev", password: "demo-password-1" };
const demoKeyName = "Demo key";

/**
 * The demo workspace of `npm run dev`, created once with the same services the API uses: a user with a
 * password, an active workspace with its standard objects, an API key and demo records. Each start mints a
 * fresh token.
 */
export async function seedDemo(databaseUrl: string, appSecret: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    const db = drizzle(client, { schema });
    if (!(await findUserByEmail(db, demoLogin.email))) {
      await db.transaction(async (tx) => {
        const user = await createUser(tx, { ...demoLogin, firstName: "Demo", lastName: "User" });
        const { workspace, userWorkspaceId } = await createPendingWorkspace(tx, user.id);
        await activateWorkspace(tx, {
          workspaceId: workspace.id,
          userWorkspaceId,
          displayName: "Demo workspace",
          creator: { userId: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName },
        });
        const tenYears = new Date(Date.now() + 10 * 365 * 24 * 3600 * 1000).toISOString();
        await createApiKey(tx, workspace.id, { name: demoKeyName, expiresAt: tenYears });
      });
      const seeded = await findUserByEmail(db, demoLogin.email);
      const [workspace] = await db.select().from(schema.workspaces).where(eq(schema.workspaces.id, seeded!.defaultWorkspaceId!));
      await insertDemoRecords(client, workspace!.schemaName!);
      console.log(`seeded the demo workspace (${demoLogin.email})`);
    }
    const user = await findUserByEmail(db, demoLogin.email);
    const [key] = await db
      .select()
      .from(schema.apiKeys)
      .where(and(eq(schema.apiKeys.workspaceId, user!.defaultWorkspaceId!), eq(schema.apiKeys.name, demoKeyName), isNull(schema.apiKeys.revokedAt)));
    const apiToken = key ? await generateApiKeyToken(db, appSecret, key.workspaceId, key.id) : "(the demo API key was revoked)";
    return { ...demoLogin, workspaceId: user!.defaultWorkspaceId!, apiToken };
  } finally {
    await client.end();
  }
}

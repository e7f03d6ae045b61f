import pg from "pg";
import type { BenchEnvironment } from "./environment.ts";
import { graphql } from "./graphql-client.ts";
import { runHttpLoad } from "./http-load.ts";
import { formatStats } from "./stats.ts";
import { timeSequential } from "./timed.ts";

/** Sign-up to an active workspace with the 29 standard objects, timed end to end over HTTP. */
export async function workspaceCreation(env: BenchEnvironment, times: number): Promise<void> {
  const activations: number[] = [];
  const stats = await timeSequential(times, async () => {
    const email = `bench-${crypto.randomUUID()}@example.com`;
    const signUp = await graphql(env.baseUrl, `mutation($e: String!) { signUp(email: $e, password: "bench password") { tokens { accessOrWorkspaceAgnosticToken { token } } } }`, { e: email });
    const agnostic = signUp.signUp.tokens.accessOrWorkspaceAgnosticToken.token;
    const created = await graphql(env.baseUrl, `mutation { signUpInNewWorkspace { loginToken { token } } }`, {}, agnostic);
    const tokens = await graphql(env.baseUrl, `mutation($t: String!) { getAuthTokensFromLoginToken(loginToken: $t, origin: "x") { tokens { accessOrWorkspaceAgnosticToken { token } } } }`, { t: created.signUpInNewWorkspace.loginToken.token });
    const activationStarted = performance.now();
    await graphql(env.baseUrl, `mutation { activateWorkspace(data: { displayName: "Bench" }) { id } }`, {}, tokens.getAuthTokensFromLoginToken.tokens.accessOrWorkspaceAgnosticToken.token);
    activations.push(performance.now() - activationStarted);
  });
  console.log(`workspace-create: sign-up → new workspace → activation (29 standard objects: rows, tables, keys, indexes), sequential`);
  console.log(formatStats("  whole flow", stats).replace(/\d+ req\/s/, `${(1000 / stats.p50).toFixed(1)} /s`));
  console.log(`  activation alone: mean ${(activations.reduce((a, b) => a + b, 0) / activations.length).toFixed(1)} ms over ${activations.length} runs\n`);
}

/**
 * Metadata of a workspace with 100 custom objects: loaded cold (the version bumped before each request, so
 * the isolate's cache misses) and cached (autocannon, same version), through GET /rest/metadata/objects.
 */
export async function metadataLoad(env: BenchEnvironment, connections: number, seconds: number): Promise<void> {
  const admin = await graphql(env.baseUrl, `mutation($e: String!, $p: String!) { getLoginTokenFromCredentials(email: $e, password: $p, origin: "x") { loginToken { token } } }`, { e: env.demoEmail, p: env.demoPassword });
  const tokens = await graphql(env.baseUrl, `mutation($t: String!) { getAuthTokensFromLoginToken(loginToken: $t, origin: "x") { tokens { accessOrWorkspaceAgnosticToken { token } } } }`, { t: admin.getLoginTokenFromCredentials.loginToken.token });
  const token = tokens.getAuthTokensFromLoginToken.tokens.accessOrWorkspaceAgnosticToken.token;
  const existing = await graphql(env.baseUrl, `{ objects(paging: { first: 1000 }, filter: { isCustom: { is: true } }) { edges { node { id } } } }`, {}, token);
  for (let i = existing.objects.edges.length; i < 100; i++) {
    await graphql(env.baseUrl, `mutation($o: CreateObjectInput!) { createOneObject(input: { object: $o }) { id } }`, {
      o: { nameSingular: `benchThing${i}`, namePlural: `benchThings${i}`, labelSingular: `Bench thing ${i}`, labelPlural: `Bench things ${i}` },
    }, token);
  }
  const url = `${env.baseUrl}/rest/metadata/objects?limit=1`;
  const headers = { authorization: `Bearer ${env.apiToken}` };
  const sql = new pg.Client({ connectionString: env.databaseUrl });
  await sql.connect();
  const cold = await timeSequential(50, async () => {
    await sql.query(`UPDATE core.workspace SET "metadataVersion" = "metadataVersion" + 1 WHERE id = $1`, [env.workspaceId]);
    const res = await fetch(url, { headers });
    if (!res.ok) throw new Error(`${res.status}`);
    await res.arrayBuffer();
  });
  await sql.end();
  const cached = await runHttpLoad({ url, headers, connections, seconds });
  const count = (await (await fetch(`${env.baseUrl}/rest/metadata/objects`, { headers })).json()) as { data: { objects: Array<{ fields: unknown[] }> } };
  const fields = count.data.objects.reduce((n, o) => n + o.fields.length, 0);
  console.log(`metadata-load: GET /rest/metadata/objects?limit=1 on a workspace with ${count.data.objects.length} objects / ${fields} fields`);
  console.log(formatStats("  cold (cache miss, 1 conn)", cold));
  console.log(formatStats(`  cached (${connections} conn)`, cached));
  console.log(`  cold/cached p50 ratio ${(cold.p50 / cached.p50).toFixed(1)}\n`);
}

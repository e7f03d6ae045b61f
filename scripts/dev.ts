import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { isLoopbackHost, waitForPort } from "./local/loopback.ts";
import { applyMigrations } from "./local/migrate.ts";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./local/pglite-server.ts";
import { parseDriver } from "./local/drivers.ts";
import { countedTcpUrl, hyperdriveUrl, registerExclusiveTarget, startRelay, type Relay } from "./local/relay.ts";
import { seedDemo } from "./local/seed-demo.ts";

/**
 * `npm run dev`: the embedded database (or DATABASE_URL), migrations, the demo workspace, the local relay
 * and `wrangler dev` with local Durable Objects, R2 and a ticking cron. Ctrl-C stops all of it.
 * `CRM_DEV_DRIVER=pg` runs the Worker on pg through a Hyperdrive binding instead of Neon's driver (see README).
 */
const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");
const port = Number(process.env.PORT ?? 8787);
const stops: Array<() => Promise<void>> = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const stop of stops.reverse()) await stop().catch(() => {});
  }
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

async function appSecret(): Promise<string> {
  if (process.env.APP_SECRET) return process.env.APP_SECRET;
  const file = path.join(dataDir, "app-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("hex");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  await mkdir(dataDir, { recursive: true });
  let databaseUrl = process.env.DATABASE_URL;
  let embeddedUrl: string | undefined;
  if (!databaseUrl) {
    const embedded: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite") });
    stops.push(() => embedded.stop());
    databaseUrl = embedded.url;
    embeddedUrl = embedded.url;
    console.log(`embedded Postgres (PGlite) on ${embedded.url}, data in .data/pglite`);
  }
  let relay: Relay | undefined;
  if (isLoopbackHost(new URL(databaseUrl).hostname)) {
    relay = await startRelay();
    stops.push(() => relay!.close());
    if (embeddedUrl) await registerExclusiveTarget(relay.address, embeddedUrl);
  }
  await applyMigrations(databaseUrl);
  const secret = await appSecret();
  const serverUrl = `http://localhost:${port}`;
  const demo = await seedDemo(databaseUrl, secret);

  const driver = parseDriver(process.env.CRM_DEV_DRIVER, "CRM_DEV_DRIVER");
  // PGlite is reached through the relay's pool (one warm session, lent per transaction); a real local Postgres
  // directly (the pool has no password to open server connections with).
  const hyperdrive = driver === "pg" ? (embeddedUrl && relay ? await countedTcpUrl(relay.address, embeddedUrl, true) : hyperdriveUrl(databaseUrl)) : undefined;
  const config = hyperdrive ? await hyperdriveConfig(hyperdrive) : path.join(root, "wrangler.toml");
  const vars = {
    APP_SECRET: secret,
    DATABASE_URL: databaseUrl,
    ENVIRONMENT: "development",
    SERVER_URL: serverUrl,
    ...(relay ? { NEON_LOCAL_RELAY: relay.address } : {}),
  };
  const wrangler = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/wrangler/bin/wrangler.js"),
      "dev",
      "--config", config,
      "--ip", "127.0.0.1",
      "--port", String(port),
      "--persist-to", path.join(dataDir, "wrangler"),
      "--show-interactive-dev-session=false",
      ...Object.entries(vars).flatMap(([key, value]) => ["--var", `${key}:${value}`]),
    ],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"], // No network beyond the registries here: keep wrangler from fetching `Request.cf` from Cloudflare.
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" }, detached: true },
  );
  stops.push(async () => {
    if (wrangler.exitCode === null) process.kill(-wrangler.pid!, "SIGTERM");
  });
  wrangler.on("exit", (code) => {
    if (!stopping) {
      console.error(`wrangler dev exited (${code})`);
      void stopAll(code ?? 1);
    }
  });

  await waitForPort(port, "127.0.0.1", 120_000);
  await waitForHealthy(`${serverUrl}/healthz`);
  // wrangler dev does not fire cron triggers by itself; this does, every minute, as Cloudflare would.
  const cron = setInterval(() => {
    fetch(`${serverUrl}/cdn-cgi/local/scheduled?cron=${encodeURIComponent("* * * * *")}`).catch(() => {});
  }, 60_000);
  stops.push(async () => clearInterval(cron));

  console.log(
    [
      "",
      `crm-edge is running at ${serverUrl}`,
      `  demo login:  ${demo.email} / ${demo.password}`,
      `  API token:   ${demo.apiToken}`,
      `  try:         curl -H "Authorization: Bearer <API token>" ${serverUrl}/rest/metadata/apiKeys`,
      "Ctrl-C stops the Worker, the relay and the database.",
      "",
    ].join("\n"),
  );
}

/** wrangler.toml plus a local Hyperdrive binding, written to .data/ (wrangler dev has no flag for bindings). */
async function hyperdriveConfig(localConnectionString: string): Promise<string> {
  const base = await readFile(path.join(root, "wrangler.toml"), "utf8");
  const file = path.join(dataDir, "wrangler.hyperdrive.toml");
  const main = JSON.stringify(path.join(root, "src/index.ts"));
  const text = base.replace(/^main = .*$/m, `main = ${main}`) +
    `\n[[hyperdrive]]\nbinding = "HYPERDRIVE"\nid = "local"\nlocalConnectionString = ${JSON.stringify(localConnectionString)}\n`;
  await writeFile(file, text);
  return file;
}

async function waitForHealthy(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(url).catch(() => undefined);
    if (res?.ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy: ${res?.status} ${await res?.text()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

main().catch(async (error) => {
  console.error(error);
  await stopAll(1);
});

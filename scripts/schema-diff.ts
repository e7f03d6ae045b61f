import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from "graphql";
import { startBenchEnvironment } from "../bench/environment.ts";
import { compareSchemas } from "./schema-compare.ts";

/**
 * `npm run schema:diff [-- --out DIR]`: prints our `/metadata` and `/graphql` schemas the way Twenty 2.21's
 * reference files were printed (introspection → SDL, sorted) and diffs them against `../shared/spec/twenty-2.21/`.
 */
const root = path.resolve(import.meta.dirname, "..");
const outArg = process.argv.indexOf("--out");
const outDir = outArg > 0 ? path.resolve(process.argv[outArg + 1]!) : path.join(root, ".data", "schema-diff");
const reference = path.resolve(root, "../shared/spec/twenty-2.21");

async function introspect(baseUrl: string, endpoint: string, token: string): Promise<string> {
  const res = await fetch(`${baseUrl}${endpoint}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: false }) }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (!body.data) throw new Error(`${endpoint}: ${JSON.stringify(body.errors)}`);
  return printSchema(lexicographicSortSchema(buildClientSchema(body.data)));
}

function sortedReference(file: string): string {
  return printSchema(lexicographicSortSchema(buildSchema(readFileSync(file, "utf8"))));
}

const env = await startBenchEnvironment(process.env.CRM_TEST_DB);
try {
  await mkdir(outDir, { recursive: true });
  for (const [endpoint, file] of [["/metadata", "metadata.graphql"], ["/graphql", "workspace-graphql.graphql"]] as const) {
    const ours = await introspect(env.baseUrl, endpoint, env.apiToken);
    await writeFile(path.join(outDir, `ours-${file}`), ours);
    await writeFile(path.join(outDir, `twenty-${file}`), sortedReference(path.join(reference, file)));
    const diff = spawnSync("diff", ["-u", path.join(outDir, `twenty-${file}`), path.join(outDir, `ours-${file}`)], { encoding: "utf8" });
    await writeFile(path.join(outDir, `${file}.diff`), diff.stdout);
    const removed = diff.stdout.split("\n").filter((l) => l.startsWith("-") && !l.startsWith("---")).length;
    const added = diff.stdout.split("\n").filter((l) => l.startsWith("+") && !l.startsWith("+++")).length;
    const comparison = compareSchemas(buildSchema(readFileSync(path.join(reference, file), "utf8")), buildSchema(ours));
    await writeFile(
      path.join(outDir, `${file}.shared-types.txt`),
      [
        `# member differences in types both schemas define (${comparison.differences.length})`,
        ...comparison.differences,
        `# members of shared types naming a type only Twenty 2.21 has (${comparison.needMissingTypes.length})`,
        ...comparison.needMissingTypes,
        `# types only in Twenty 2.21 (${comparison.onlyInReference.length})`,
        ...comparison.onlyInReference,
        `# types only in ours (${comparison.onlyInOurs.length})`,
        ...comparison.onlyInOurs,
      ].join("\n") + "\n",
    );
    console.log(
      `${endpoint}: ${comparison.differences.length} member differences in shared types (+ ${comparison.needMissingTypes.length} naming types we lack), ${comparison.onlyInReference.length} types only in Twenty 2.21, ${comparison.onlyInOurs.length} only in ours`,
    );
    console.log(`${endpoint}: ${removed} lines only in Twenty 2.21, ${added} only in ours (${path.join(outDir, `${file}.diff`)})`);
  }
} finally {
  await env.stop();
}

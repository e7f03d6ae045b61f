import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { run } from "./views-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "backfill");
  await run(
    worker,
    ws.accessToken,
    `mutation { createOneObject(input: { object: { nameSingular: "planet", namePlural: "planets", labelSingular: "Planet", labelPlural: "Planets" } }) { id } }`,
  );
});
afterAll(() => worker?.close());

const defaultViews = async () => {
  const data = await run(worker, ws.accessToken, `{ getViews { name key objectMetadataId viewFields { fieldMetadataId isVisible size position } } }`);
  return data.getViews.sort((a: { objectMetadataId: string }, b: { objectMetadataId: string }) => a.objectMetadataId.localeCompare(b.objectMetadataId));
};

it("the migration's backfill gives a workspace made before views the same default views a new one gets", async () => {
  const made = await defaultViews();
  expect(made.length).toBeGreaterThan(5);
  await worker.db.sql.query(`DELETE FROM core.view WHERE "workspaceId" = $1`, [ws.workspaceId]);
  expect(await defaultViews()).toEqual([]);
  const migration = await readFile(new URL("../../migrations/0004_views.sql", import.meta.url), "utf8");
  const backfill = migration.split("--> statement-breakpoint").filter((statement) => /INSERT INTO/.test(statement));
  expect(backfill).toHaveLength(2);
  for (const statement of backfill) await worker.db.sql.query(statement);
  expect(await defaultViews()).toEqual(made);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "./harness/test-worker.ts";

let worker: TestWorker;
beforeAll(async () => {
  worker = await startTestWorker();
});
afterAll(() => worker?.close());

describe("the minute cron", () => {
  it("purges app tokens expired for more than a day and keeps the others", async () => {
    const { rows } = await worker.db.sql.query<{ id: string }>(
      `INSERT INTO core."workspace" ("subdomain") VALUES ('cron-test') RETURNING id`,
    );
    const workspaceId = rows[0]!.id;
    await worker.db.sql.query(
      `INSERT INTO core."appToken" ("type", "workspaceId", "expiresAt") VALUES
        ('REFRESH_TOKEN', $1, now() - interval '3 days'),
        ('REFRESH_TOKEN', $1, now() - interval '1 hour'),
        ('PASSWORD_RESET_TOKEN', $1, now() + interval '1 hour')`,
      [workspaceId],
    );
    const worker_ = await worker.mf.getWorker();
    await worker_.scheduled({ cron: "* * * * *" });
    const left = await worker.db.sql.query(`SELECT "expiresAt" > now() - interval '1 day' AS recent FROM core."appToken"`);
    expect(left.rows).toHaveLength(2);
    expect(left.rows.every((r) => r.recent)).toBe(true);
  });
});

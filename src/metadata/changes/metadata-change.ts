import { eq, sql } from "drizzle-orm";
import { workspaces } from "../../../drizzle/schema/index.ts";
import type { Database, Db } from "../../db/database.ts";
import { pgErrorCode } from "../../db/pg-errors.ts";
import { AppError } from "../../errors/app-error.ts";
import { loadWorkspaceMetadata } from "../load-metadata.ts";
import type { WorkspaceMetadata } from "../workspace-metadata.ts";

export interface MetadataChange {
  tx: Db;
  /** The metadata as it is under the change's lock. */
  metadata: WorkspaceMetadata;
  /** DDL to run after the row writes, as one multi-statement query. */
  ddl: string[];
}

/**
 * A metadata change is one transaction: the workspace row is locked (changes of one workspace queue up), the
 * metadata read fresh, rows written, DDL run, the version bumped. Any failure, DDL included, rolls all of it
 * back: no row, table or column is left half-made.
 */
export async function changeMetadata<T>(database: Database, workspaceId: string, work: (change: MetadataChange) => Promise<T>): Promise<T> {
  return database.transaction(async (tx) => {
    await tx.execute(sql`SELECT 1 FROM core.workspace WHERE id = ${workspaceId} FOR UPDATE`);
    const { metadata } = await loadWorkspaceMetadata(tx, workspaceId);
    const change: MetadataChange = { tx, metadata, ddl: [] };
    const result = await work(change);
    if (change.ddl.length > 0) {
      try {
        await tx.execute(sql.raw(change.ddl.join(";\n")));
      } catch (error) {
        const code = pgErrorCode(error);
        if (!code) throw error;
        throw new AppError(400, "SCHEMA_CHANGE_FAILED", `The schema change was refused by the database and nothing was changed: ${pgMessage(error)}`);
      }
    }
    await tx
      .update(workspaces)
      .set({ metadataVersion: sql`${workspaces.metadataVersion} + 1`, updatedAt: new Date() })
      .where(eq(workspaces.id, workspaceId));
    return result;
  });
}

function pgMessage(error: unknown): string {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code) return (current as Error).message;
  }
  return "unknown error";
}

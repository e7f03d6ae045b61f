import { sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { rowsOf } from "../db/rows.ts";
import { AppError } from "../errors/app-error.ts";
import type { FieldMetadata, ObjectMetadata } from "./types.ts";
import { WorkspaceMetadata } from "./workspace-metadata.ts";

interface LoadedRow {
  version: number;
  schemaName: string | null;
  objects: Array<Omit<ObjectMetadata, "createdAt" | "updatedAt" | "fields"> & { createdAt: string; updatedAt: string; fields: Array<Omit<FieldMetadata, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string }> }>;
}

/**
 * A workspace's whole metadata in ONE statement (objects with their fields as JSON), with the version it
 * belongs to. Read in one snapshot, it can never mix two metadata versions.
 */
export async function loadWorkspaceMetadata(db: Db, workspaceId: string): Promise<{ metadata: WorkspaceMetadata; bytes: number }> {
  const rows = rowsOf<{ loaded: LoadedRow | string }>(
    await db.execute(sql`
      SELECT json_build_object(
        'version', w."metadataVersion",
        'schemaName', w."schemaName",
        'objects', coalesce((
          SELECT json_agg(to_jsonb(o) - 'workspaceId' || jsonb_build_object('fields', coalesce((
            SELECT json_agg(to_jsonb(f) - 'workspaceId' ORDER BY f."createdAt", f.name)
            FROM core."fieldMetadata" f WHERE f."objectMetadataId" = o.id), '[]'::json)) ORDER BY o."nameSingular")
          FROM core."objectMetadata" o WHERE o."workspaceId" = w.id), '[]'::json)
      )::text AS loaded
      FROM core.workspace w WHERE w.id = ${workspaceId}`),
  );
  const raw = rows[0]?.loaded;
  if (!raw) throw new AppError(404, "WORKSPACE_NOT_FOUND", "Workspace not found");
  const text = typeof raw === "string" ? raw : JSON.stringify(raw);
  const loaded = JSON.parse(text) as LoadedRow;
  if (!loaded.schemaName) throw new AppError(400, "WORKSPACE_NOT_ACTIVE", "Workspace is not active");
  const objects = loaded.objects.map((object) => ({
    ...object,
    createdAt: new Date(object.createdAt),
    updatedAt: new Date(object.updatedAt),
    fields: object.fields.map((field) => ({ ...field, createdAt: new Date(field.createdAt), updatedAt: new Date(field.updatedAt) })),
  }));
  return { metadata: new WorkspaceMetadata(workspaceId, loaded.schemaName, loaded.version, objects), bytes: text.length };
}

import { sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { ident } from "../../db/sql-text.ts";
import { insertDefaultViews } from "../../views/default-views.ts";
import { insertFieldRows, insertObjectRows, insertUniqueIndexRows } from "../changes/insert-rows.ts";
import { createObjectDdl, type UniqueIndex } from "../ddl/create-object.ts";
import { workspaceSchemaName } from "../names.ts";
import { standardObjects } from "../standard-objects/index.ts";
import type { ObjectMetadata } from "../types.ts";
import { buildStandardMetadata } from "./build-standard-metadata.ts";

/**
 * Creates a workspace's record schema: metadata rows for every standard object, then its tables, enum types,
 * foreign keys and indexes as ONE multi-statement query (one round trip, not hundreds). Runs inside the
 * caller's transaction, so a failure leaves neither rows nor tables.
 */
export async function provisionWorkspaceSchema(tx: Db, workspaceId: string): Promise<{ schemaName: string; objects: ObjectMetadata[] }> {
  const schemaName = workspaceSchemaName(workspaceId);
  const objects = buildStandardMetadata(standardObjects);
  const byId = new Map(objects.map((object) => [object.id, object]));
  const tables: string[] = [`CREATE SCHEMA ${ident(schemaName)}`];
  const constraints: string[] = [];
  const indexes: Array<{ object: ObjectMetadata; index: UniqueIndex }> = [];
  for (const object of objects) {
    const ddl = createObjectDdl(schemaName, object, byId);
    tables.push(...ddl.table);
    constraints.push(...ddl.constraints);
    indexes.push(...ddl.uniqueIndexes.map((index) => ({ object, index })));
  }
  await insertObjectRows(tx, workspaceId, objects);
  await insertFieldRows(tx, workspaceId, objects.flatMap((object) => object.fields));
  await insertUniqueIndexRows(tx, workspaceId, indexes);
  // Objects hidden from the app (system objects) get no views, as in Twenty.
  await insertDefaultViews(tx, workspaceId, objects.filter((object) => !object.isSystem));
  await tx.execute(sql.raw([...tables, ...constraints].join(";\n")));
  return { schemaName, objects };
}

import { sql } from "drizzle-orm";
import { viewFields, views } from "../../drizzle/schema/index.ts";
import type { Db } from "../db/database.ts";
import type { FieldMetadata, ObjectMetadata } from "../metadata/types.ts";

const defaultColumnSize = 150;

/** Ids, positions and search vectors are plumbing, never columns; system fields are not shown by Twenty's app. */
export function belongsInDefaultView(field: FieldMetadata): boolean {
  return field.isActive && !field.isSystem && field.type !== "TS_VECTOR" && field.type !== "POSITION";
}

/** Twenty opens the table with the label identifier first, then the fields in creation order. */
function defaultViewFields(object: ObjectMetadata): FieldMetadata[] {
  const fields = object.fields.filter(belongsInDefaultView);
  const labelIdentifier = fields.find((field) => field.id === object.labelIdentifierFieldMetadataId);
  return labelIdentifier ? [labelIdentifier, ...fields.filter((field) => field !== labelIdentifier)] : fields;
}

/**
 * Each object's "All <plural label>" INDEX table view with its fields as columns: two multi-row inserts
 * whatever the number of objects, in the caller's transaction (after the metadata rows it points at).
 */
export async function insertDefaultViews(tx: Db, workspaceId: string, objects: ObjectMetadata[]): Promise<void> {
  if (objects.length === 0) return;
  const viewRows = objects.map((object) => ({
    id: crypto.randomUUID(),
    workspaceId,
    objectMetadataId: object.id,
    name: `All ${object.labelPlural}`,
    type: "TABLE",
    key: "INDEX",
    icon: "IconList",
    position: 0,
    isCustom: false,
  }));
  const fieldRows = objects.flatMap((object, i) =>
    defaultViewFields(object).map((field, position) => ({
      workspaceId,
      viewId: viewRows[i]!.id,
      fieldMetadataId: field.id,
      // deletedAt is a column of the trash view, not of the main table.
      isVisible: field.name !== "deletedAt",
      size: defaultColumnSize,
      position,
    })),
  );
  await tx.insert(views).values(viewRows);
  if (fieldRows.length > 0) await tx.insert(viewFields).values(fieldRows);
}

/** A field added to an object joins the end of its INDEX view (one statement for any number of fields). */
export async function addFieldsToDefaultViews(tx: Db, workspaceId: string, fields: FieldMetadata[]): Promise<void> {
  const eligible = fields.filter(belongsInDefaultView);
  if (eligible.length === 0) return;
  const ids = sql.join(
    eligible.map((field) => sql`${field.id}::uuid`),
    sql`, `,
  );
  await tx.execute(sql`
    INSERT INTO core."viewField" ("workspaceId", "viewId", "fieldMetadataId", "isVisible", "size", "position")
    SELECT v."workspaceId", v.id, f.id, true, ${defaultColumnSize},
      COALESCE((SELECT max(vf.position) FROM core."viewField" vf WHERE vf."viewId" = v.id AND vf."deletedAt" IS NULL), -1)
        + row_number() OVER (PARTITION BY v.id ORDER BY f."createdAt", f.id)
    FROM core."fieldMetadata" f
    JOIN core.view v ON v."objectMetadataId" = f."objectMetadataId" AND v.key = 'INDEX' AND v."deletedAt" IS NULL AND v."workspaceId" = ${workspaceId}
    WHERE f.id IN (${ids})
    ON CONFLICT DO NOTHING`);
}

import { sql, type SQL } from "drizzle-orm";

/**
 * A JSON object of the role assigned to a target (`userWorkspaceId` or `apiKeyId` = the given id), with its
 * permission flags, as a subquery: resolving the caller stays one statement. Lists are ordered, so the same
 * role always reads as the same text (the caller hint compares its digest).
 */
export function roleJsonFor(target: "userWorkspaceId" | "apiKeyId", id: SQL): SQL {
  return sql`(
    SELECT json_build_object(
      'id', r.id, 'label', r.label,
      'canUpdateAllSettings', r."canUpdateAllSettings",
      'canReadAllObjectRecords', r."canReadAllObjectRecords",
      'canUpdateAllObjectRecords', r."canUpdateAllObjectRecords",
      'canSoftDeleteAllObjectRecords', r."canSoftDeleteAllObjectRecords",
      'canDestroyAllObjectRecords', r."canDestroyAllObjectRecords",
      'permissionFlags', coalesce((SELECT json_agg(pf.flag ORDER BY pf.flag) FROM core."permissionFlag" pf WHERE pf."roleId" = r.id), '[]'::json),
      'objectPermissions', coalesce((SELECT json_agg(json_build_object('objectMetadataId', op."objectMetadataId",
        'canRead', op."canReadObjectRecords", 'canUpdate', op."canUpdateObjectRecords",
        'canSoftDelete', op."canSoftDeleteObjectRecords", 'canDestroy', op."canDestroyObjectRecords") ORDER BY op."objectMetadataId")
        FROM core."objectPermission" op WHERE op."roleId" = r.id), '[]'::json),
      'fieldPermissions', coalesce((SELECT json_agg(json_build_object('fieldMetadataId', fp."fieldMetadataId",
        'canRead', fp."canReadFieldValue", 'canUpdate', fp."canUpdateFieldValue") ORDER BY fp."fieldMetadataId")
        FROM core."fieldPermission" fp WHERE fp."roleId" = r.id), '[]'::json))
    FROM core."roleTarget" rt JOIN core.role r ON r.id = rt."roleId"
    WHERE rt.${sql.identifier(target)} = ${id}
  )`;
}

-- Workspaces created before list indexes existed: the same (key ASC NULLS FIRST, id) indexes among live rows
-- that object DDL now creates with each table, on position and createdAt. Skipped where
-- an index with that definition already exists, so re-running it, or a workspace created afterwards, is a no-op.
DO $$
DECLARE
  o record;
  c text;
  live boolean;
BEGIN
  FOR o IN
    SELECT w."schemaName" AS schema_name, m."tableName" AS table_name, m.id
    FROM core."objectMetadata" m JOIN core.workspace w ON w.id = m."workspaceId"
    WHERE w."schemaName" IS NOT NULL
  LOOP
    CONTINUE WHEN to_regclass(format('%I.%I', o.schema_name, o.table_name)) IS NULL;
    live := EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = o.schema_name AND table_name = o.table_name AND column_name = 'deletedAt');
    FOR c IN
      SELECT DISTINCT f.name FROM core."fieldMetadata" f
      WHERE f."objectMetadataId" = o.id AND ((f.name = 'position' AND f.type = 'POSITION') OR (f.name = 'createdAt' AND f.type = 'DATE_TIME'))
        AND EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = o.schema_name AND table_name = o.table_name AND column_name = f.name)
    LOOP
      CONTINUE WHEN EXISTS (
        SELECT 1 FROM pg_indexes
        WHERE schemaname = o.schema_name AND tablename = o.table_name AND indexdef LIKE '%USING btree (' || quote_ident(c) || ' NULLS FIRST, id)%'
      );
      EXECUTE format(
        'CREATE INDEX %I ON %I.%I (%I ASC NULLS FIRST, "id")%s',
        'IDX_' || left(md5(o.table_name || ':' || c || ',id'), 27), o.schema_name, o.table_name, c,
        CASE WHEN live THEN ' WHERE "deletedAt" IS NULL' ELSE '' END
      );
    END LOOP;
  END LOOP;
END $$;

CREATE TABLE "core"."viewFieldGroup" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"viewId" uuid NOT NULL,
	"name" text NOT NULL,
	"position" double precision DEFAULT 0 NOT NULL,
	"isVisible" boolean DEFAULT true NOT NULL,
	"isActive" boolean DEFAULT true NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	"deletedAt" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "core"."viewField" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"viewId" uuid NOT NULL,
	"fieldMetadataId" uuid NOT NULL,
	"isVisible" boolean DEFAULT true NOT NULL,
	"size" double precision DEFAULT 0 NOT NULL,
	"position" double precision DEFAULT 0 NOT NULL,
	"aggregateOperation" text,
	"viewFieldGroupId" uuid,
	"isActive" boolean DEFAULT true NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	"deletedAt" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "core"."viewFilterGroup" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"viewId" uuid NOT NULL,
	"parentViewFilterGroupId" uuid,
	"logicalOperator" text DEFAULT 'AND' NOT NULL,
	"positionInViewFilterGroup" double precision,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	"deletedAt" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "core"."viewFilter" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"viewId" uuid NOT NULL,
	"fieldMetadataId" uuid NOT NULL,
	"operand" text DEFAULT 'IS' NOT NULL,
	"value" jsonb NOT NULL,
	"viewFilterGroupId" uuid,
	"positionInViewFilterGroup" double precision,
	"subFieldName" text,
	"relationTargetFieldMetadataId" uuid,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	"deletedAt" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "core"."viewGroup" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"viewId" uuid NOT NULL,
	"fieldMetadataId" uuid,
	"isVisible" boolean DEFAULT true NOT NULL,
	"fieldValue" text NOT NULL,
	"position" double precision DEFAULT 0 NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	"deletedAt" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "core"."viewSort" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"viewId" uuid NOT NULL,
	"fieldMetadataId" uuid NOT NULL,
	"direction" text DEFAULT 'ASC' NOT NULL,
	"subFieldName" text,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	"deletedAt" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "core"."view" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"objectMetadataId" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text DEFAULT 'TABLE' NOT NULL,
	"key" text,
	"icon" text NOT NULL,
	"position" double precision DEFAULT 0 NOT NULL,
	"isCompact" boolean DEFAULT false NOT NULL,
	"isCustom" boolean DEFAULT true NOT NULL,
	"openRecordIn" text DEFAULT 'SIDE_PANEL' NOT NULL,
	"kanbanAggregateOperation" text,
	"kanbanAggregateOperationFieldMetadataId" uuid,
	"mainGroupByFieldMetadataId" uuid,
	"shouldHideEmptyGroups" boolean DEFAULT false NOT NULL,
	"kanbanColumnWidth" integer,
	"calendarFieldMetadataId" uuid,
	"anyFieldFilterValue" text,
	"calendarLayout" text,
	"visibility" text DEFAULT 'WORKSPACE' NOT NULL,
	"createdByUserWorkspaceId" uuid,
	"isActive" boolean DEFAULT true NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	"deletedAt" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "core"."viewFieldGroup" ADD CONSTRAINT "viewFieldGroup_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewFieldGroup" ADD CONSTRAINT "viewFieldGroup_viewId_view_id_fk" FOREIGN KEY ("viewId") REFERENCES "core"."view"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewField" ADD CONSTRAINT "viewField_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewField" ADD CONSTRAINT "viewField_viewId_view_id_fk" FOREIGN KEY ("viewId") REFERENCES "core"."view"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewField" ADD CONSTRAINT "viewField_fieldMetadataId_fieldMetadata_id_fk" FOREIGN KEY ("fieldMetadataId") REFERENCES "core"."fieldMetadata"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewField" ADD CONSTRAINT "viewField_viewFieldGroupId_viewFieldGroup_id_fk" FOREIGN KEY ("viewFieldGroupId") REFERENCES "core"."viewFieldGroup"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewFilterGroup" ADD CONSTRAINT "viewFilterGroup_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewFilterGroup" ADD CONSTRAINT "viewFilterGroup_viewId_view_id_fk" FOREIGN KEY ("viewId") REFERENCES "core"."view"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewFilterGroup" ADD CONSTRAINT "viewFilterGroup_parentViewFilterGroupId_viewFilterGroup_id_fk" FOREIGN KEY ("parentViewFilterGroupId") REFERENCES "core"."viewFilterGroup"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewFilter" ADD CONSTRAINT "viewFilter_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewFilter" ADD CONSTRAINT "viewFilter_viewId_view_id_fk" FOREIGN KEY ("viewId") REFERENCES "core"."view"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewFilter" ADD CONSTRAINT "viewFilter_fieldMetadataId_fieldMetadata_id_fk" FOREIGN KEY ("fieldMetadataId") REFERENCES "core"."fieldMetadata"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewFilter" ADD CONSTRAINT "viewFilter_viewFilterGroupId_viewFilterGroup_id_fk" FOREIGN KEY ("viewFilterGroupId") REFERENCES "core"."viewFilterGroup"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewFilter" ADD CONSTRAINT "viewFilter_relationTargetFieldMetadataId_fieldMetadata_id_fk" FOREIGN KEY ("relationTargetFieldMetadataId") REFERENCES "core"."fieldMetadata"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewGroup" ADD CONSTRAINT "viewGroup_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewGroup" ADD CONSTRAINT "viewGroup_viewId_view_id_fk" FOREIGN KEY ("viewId") REFERENCES "core"."view"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewGroup" ADD CONSTRAINT "viewGroup_fieldMetadataId_fieldMetadata_id_fk" FOREIGN KEY ("fieldMetadataId") REFERENCES "core"."fieldMetadata"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewSort" ADD CONSTRAINT "viewSort_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewSort" ADD CONSTRAINT "viewSort_viewId_view_id_fk" FOREIGN KEY ("viewId") REFERENCES "core"."view"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."viewSort" ADD CONSTRAINT "viewSort_fieldMetadataId_fieldMetadata_id_fk" FOREIGN KEY ("fieldMetadataId") REFERENCES "core"."fieldMetadata"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."view" ADD CONSTRAINT "view_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."view" ADD CONSTRAINT "view_objectMetadataId_objectMetadata_id_fk" FOREIGN KEY ("objectMetadataId") REFERENCES "core"."objectMetadata"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."view" ADD CONSTRAINT "view_kanbanAggregateOperationFieldMetadataId_fieldMetadata_id_fk" FOREIGN KEY ("kanbanAggregateOperationFieldMetadataId") REFERENCES "core"."fieldMetadata"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."view" ADD CONSTRAINT "view_mainGroupByFieldMetadataId_fieldMetadata_id_fk" FOREIGN KEY ("mainGroupByFieldMetadataId") REFERENCES "core"."fieldMetadata"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."view" ADD CONSTRAINT "view_calendarFieldMetadataId_fieldMetadata_id_fk" FOREIGN KEY ("calendarFieldMetadataId") REFERENCES "core"."fieldMetadata"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "viewFieldGroup_view_idx" ON "core"."viewFieldGroup" USING btree ("viewId");--> statement-breakpoint
CREATE INDEX "viewField_view_idx" ON "core"."viewField" USING btree ("viewId");--> statement-breakpoint
CREATE INDEX "viewField_workspace_idx" ON "core"."viewField" USING btree ("workspaceId");--> statement-breakpoint
CREATE UNIQUE INDEX "viewField_view_field_key" ON "core"."viewField" USING btree ("viewId","fieldMetadataId") WHERE "deletedAt" IS NULL;--> statement-breakpoint
CREATE INDEX "viewFilterGroup_view_idx" ON "core"."viewFilterGroup" USING btree ("viewId");--> statement-breakpoint
CREATE INDEX "viewFilter_view_idx" ON "core"."viewFilter" USING btree ("viewId");--> statement-breakpoint
CREATE INDEX "viewGroup_view_idx" ON "core"."viewGroup" USING btree ("viewId");--> statement-breakpoint
CREATE INDEX "viewSort_view_idx" ON "core"."viewSort" USING btree ("viewId");--> statement-breakpoint
CREATE INDEX "view_workspace_object_idx" ON "core"."view" USING btree ("workspaceId","objectMetadataId");--> statement-breakpoint
-- Workspaces made before views existed get the default INDEX view of each non-system object, as new ones do.
INSERT INTO "core"."view" ("workspaceId", "objectMetadataId", "name", "type", "key", "icon", "position", "isCustom")
SELECT o."workspaceId", o."id", 'All ' || o."labelPlural", 'TABLE', 'INDEX', 'IconList', 0, false
FROM "core"."objectMetadata" o
WHERE NOT o."isSystem" AND NOT EXISTS (SELECT 1 FROM "core"."view" v WHERE v."objectMetadataId" = o."id" AND v."key" = 'INDEX');--> statement-breakpoint
INSERT INTO "core"."viewField" ("workspaceId", "viewId", "fieldMetadataId", "isVisible", "size", "position")
SELECT v."workspaceId", v."id", f."id", f."name" <> 'deletedAt', 150,
  row_number() OVER (PARTITION BY v."id" ORDER BY (f."id" = o."labelIdentifierFieldMetadataId") IS TRUE DESC, f."createdAt", f."id") - 1
FROM "core"."view" v
JOIN "core"."objectMetadata" o ON o."id" = v."objectMetadataId"
JOIN "core"."fieldMetadata" f ON f."objectMetadataId" = o."id"
WHERE v."key" = 'INDEX' AND f."isActive" AND NOT f."isSystem" AND f."type" NOT IN ('TS_VECTOR', 'POSITION')
  AND NOT EXISTS (SELECT 1 FROM "core"."viewField" vf WHERE vf."viewId" = v."id");

CREATE SCHEMA "core";
--> statement-breakpoint
CREATE TABLE "core"."workspace" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"displayName" text,
	"logo" text,
	"subdomain" text NOT NULL,
	"inviteHash" text,
	"allowImpersonation" boolean DEFAULT true NOT NULL,
	"isPublicInviteLinkEnabled" boolean DEFAULT true NOT NULL,
	"activationStatus" text DEFAULT 'PENDING_CREATION' NOT NULL,
	"schemaName" text,
	"metadataVersion" integer DEFAULT 0 NOT NULL,
	"defaultRoleId" uuid,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	"deletedAt" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "core"."userWorkspace" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"userId" uuid NOT NULL,
	"workspaceId" uuid NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	"deletedAt" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "core"."user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"firstName" text DEFAULT '' NOT NULL,
	"lastName" text DEFAULT '' NOT NULL,
	"passwordHash" text,
	"defaultWorkspaceId" uuid,
	"isEmailVerified" boolean DEFAULT false NOT NULL,
	"canImpersonate" boolean DEFAULT false NOT NULL,
	"canAccessFullAdminPanel" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	"deletedAt" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "core"."appToken" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"userId" uuid,
	"workspaceId" uuid,
	"valueHash" text,
	"context" jsonb,
	"expiresAt" timestamp with time zone NOT NULL,
	"revokedAt" timestamp with time zone,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	"deletedAt" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "core"."fieldPermission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"roleId" uuid NOT NULL,
	"objectMetadataId" uuid NOT NULL,
	"fieldMetadataId" uuid NOT NULL,
	"canReadFieldValue" boolean,
	"canUpdateFieldValue" boolean,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."objectPermission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"roleId" uuid NOT NULL,
	"objectMetadataId" uuid NOT NULL,
	"canReadObjectRecords" boolean,
	"canUpdateObjectRecords" boolean,
	"canSoftDeleteObjectRecords" boolean,
	"canDestroyObjectRecords" boolean,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."permissionFlag" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"roleId" uuid NOT NULL,
	"flag" text NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."roleTarget" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"roleId" uuid NOT NULL,
	"userWorkspaceId" uuid,
	"apiKeyId" uuid,
	"agentId" uuid,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roleTarget_one_target" CHECK (num_nonnulls("userWorkspaceId", "apiKeyId", "agentId") = 1)
);
--> statement-breakpoint
CREATE TABLE "core"."role" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"standardId" uuid,
	"label" text NOT NULL,
	"description" text,
	"icon" text,
	"isEditable" boolean DEFAULT true NOT NULL,
	"canUpdateAllSettings" boolean DEFAULT false NOT NULL,
	"canAccessAllTools" boolean DEFAULT false NOT NULL,
	"canReadAllObjectRecords" boolean DEFAULT false NOT NULL,
	"canUpdateAllObjectRecords" boolean DEFAULT false NOT NULL,
	"canSoftDeleteAllObjectRecords" boolean DEFAULT false NOT NULL,
	"canDestroyAllObjectRecords" boolean DEFAULT false NOT NULL,
	"canBeAssignedToUsers" boolean DEFAULT true NOT NULL,
	"canBeAssignedToAgents" boolean DEFAULT true NOT NULL,
	"canBeAssignedToApiKeys" boolean DEFAULT true NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."apiKey" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"name" text NOT NULL,
	"expiresAt" timestamp with time zone NOT NULL,
	"revokedAt" timestamp with time zone,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."objectMetadata" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"standardId" uuid,
	"nameSingular" text NOT NULL,
	"namePlural" text NOT NULL,
	"labelSingular" text NOT NULL,
	"labelPlural" text NOT NULL,
	"description" text,
	"icon" text,
	"shortcut" text,
	"tableName" text NOT NULL,
	"isCustom" boolean DEFAULT false NOT NULL,
	"isRemote" boolean DEFAULT false NOT NULL,
	"isActive" boolean DEFAULT true NOT NULL,
	"isSystem" boolean DEFAULT false NOT NULL,
	"isUIReadOnly" boolean DEFAULT false NOT NULL,
	"isAuditLogged" boolean DEFAULT true NOT NULL,
	"isSearchable" boolean DEFAULT false NOT NULL,
	"isLabelSyncedWithName" boolean DEFAULT false NOT NULL,
	"duplicateCriteria" jsonb,
	"labelIdentifierFieldMetadataId" uuid,
	"imageIdentifierFieldMetadataId" uuid,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."fieldMetadata" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"objectMetadataId" uuid NOT NULL,
	"standardId" uuid,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"label" text NOT NULL,
	"description" text,
	"icon" text,
	"defaultValue" jsonb,
	"options" jsonb,
	"settings" jsonb,
	"isCustom" boolean DEFAULT false NOT NULL,
	"isActive" boolean DEFAULT true NOT NULL,
	"isSystem" boolean DEFAULT false NOT NULL,
	"isUIReadOnly" boolean DEFAULT false NOT NULL,
	"isNullable" boolean DEFAULT true NOT NULL,
	"isUnique" boolean DEFAULT false NOT NULL,
	"isLabelSyncedWithName" boolean DEFAULT false NOT NULL,
	"relationTargetFieldMetadataId" uuid,
	"relationTargetObjectMetadataId" uuid,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."indexFieldMetadata" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indexMetadataId" uuid NOT NULL,
	"fieldMetadataId" uuid NOT NULL,
	"subFieldName" text,
	"order" double precision DEFAULT 0 NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."indexMetadata" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"objectMetadataId" uuid NOT NULL,
	"name" text NOT NULL,
	"isUnique" boolean DEFAULT false NOT NULL,
	"isCustom" boolean DEFAULT false NOT NULL,
	"indexWhereClause" text,
	"indexType" text DEFAULT 'BTREE' NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."webhook" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"targetUrl" text NOT NULL,
	"operations" text[] DEFAULT '{"*.*"}' NOT NULL,
	"description" text,
	"secret" text NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	"deletedAt" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "core"."eventOutbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"eventId" uuid DEFAULT gen_random_uuid() NOT NULL,
	"workspaceId" uuid NOT NULL,
	"eventName" text NOT NULL,
	"objectMetadataId" uuid NOT NULL,
	"recordId" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"actor" jsonb,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"processedAt" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "core"."userWorkspace" ADD CONSTRAINT "userWorkspace_userId_user_id_fk" FOREIGN KEY ("userId") REFERENCES "core"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."userWorkspace" ADD CONSTRAINT "userWorkspace_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."user" ADD CONSTRAINT "user_defaultWorkspaceId_workspace_id_fk" FOREIGN KEY ("defaultWorkspaceId") REFERENCES "core"."workspace"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."appToken" ADD CONSTRAINT "appToken_userId_user_id_fk" FOREIGN KEY ("userId") REFERENCES "core"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."appToken" ADD CONSTRAINT "appToken_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."fieldPermission" ADD CONSTRAINT "fieldPermission_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."fieldPermission" ADD CONSTRAINT "fieldPermission_roleId_role_id_fk" FOREIGN KEY ("roleId") REFERENCES "core"."role"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."objectPermission" ADD CONSTRAINT "objectPermission_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."objectPermission" ADD CONSTRAINT "objectPermission_roleId_role_id_fk" FOREIGN KEY ("roleId") REFERENCES "core"."role"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."permissionFlag" ADD CONSTRAINT "permissionFlag_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."permissionFlag" ADD CONSTRAINT "permissionFlag_roleId_role_id_fk" FOREIGN KEY ("roleId") REFERENCES "core"."role"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."roleTarget" ADD CONSTRAINT "roleTarget_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."roleTarget" ADD CONSTRAINT "roleTarget_roleId_role_id_fk" FOREIGN KEY ("roleId") REFERENCES "core"."role"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."role" ADD CONSTRAINT "role_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."apiKey" ADD CONSTRAINT "apiKey_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."objectMetadata" ADD CONSTRAINT "objectMetadata_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."fieldMetadata" ADD CONSTRAINT "fieldMetadata_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."fieldMetadata" ADD CONSTRAINT "fieldMetadata_objectMetadataId_objectMetadata_id_fk" FOREIGN KEY ("objectMetadataId") REFERENCES "core"."objectMetadata"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."indexFieldMetadata" ADD CONSTRAINT "indexFieldMetadata_indexMetadataId_indexMetadata_id_fk" FOREIGN KEY ("indexMetadataId") REFERENCES "core"."indexMetadata"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."indexFieldMetadata" ADD CONSTRAINT "indexFieldMetadata_fieldMetadataId_fieldMetadata_id_fk" FOREIGN KEY ("fieldMetadataId") REFERENCES "core"."fieldMetadata"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."indexMetadata" ADD CONSTRAINT "indexMetadata_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."indexMetadata" ADD CONSTRAINT "indexMetadata_objectMetadataId_objectMetadata_id_fk" FOREIGN KEY ("objectMetadataId") REFERENCES "core"."objectMetadata"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."webhook" ADD CONSTRAINT "webhook_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."eventOutbox" ADD CONSTRAINT "eventOutbox_workspaceId_workspace_id_fk" FOREIGN KEY ("workspaceId") REFERENCES "core"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_subdomain_key" ON "core"."workspace" USING btree ("subdomain");--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_schema_key" ON "core"."workspace" USING btree ("schemaName");--> statement-breakpoint
CREATE UNIQUE INDEX "userWorkspace_user_workspace_key" ON "core"."userWorkspace" USING btree ("userId","workspaceId");--> statement-breakpoint
CREATE UNIQUE INDEX "user_email_key" ON "core"."user" USING btree ("email") WHERE "deletedAt" IS NULL;--> statement-breakpoint
CREATE INDEX "appToken_user_idx" ON "core"."appToken" USING btree ("userId");--> statement-breakpoint
CREATE INDEX "appToken_valueHash_idx" ON "core"."appToken" USING btree ("valueHash");--> statement-breakpoint
CREATE INDEX "appToken_expiresAt_idx" ON "core"."appToken" USING btree ("expiresAt");--> statement-breakpoint
CREATE UNIQUE INDEX "fieldPermission_role_field_key" ON "core"."fieldPermission" USING btree ("roleId","fieldMetadataId");--> statement-breakpoint
CREATE UNIQUE INDEX "objectPermission_role_object_key" ON "core"."objectPermission" USING btree ("roleId","objectMetadataId");--> statement-breakpoint
CREATE UNIQUE INDEX "permissionFlag_role_flag_key" ON "core"."permissionFlag" USING btree ("roleId","flag");--> statement-breakpoint
CREATE UNIQUE INDEX "roleTarget_userWorkspace_key" ON "core"."roleTarget" USING btree ("userWorkspaceId");--> statement-breakpoint
CREATE UNIQUE INDEX "roleTarget_apiKey_key" ON "core"."roleTarget" USING btree ("apiKeyId");--> statement-breakpoint
CREATE UNIQUE INDEX "roleTarget_agent_key" ON "core"."roleTarget" USING btree ("agentId");--> statement-breakpoint
CREATE INDEX "roleTarget_role_idx" ON "core"."roleTarget" USING btree ("roleId");--> statement-breakpoint
CREATE UNIQUE INDEX "role_workspace_label_key" ON "core"."role" USING btree ("workspaceId","label");--> statement-breakpoint
CREATE INDEX "apiKey_workspace_idx" ON "core"."apiKey" USING btree ("workspaceId");--> statement-breakpoint
CREATE UNIQUE INDEX "objectMetadata_workspace_nameSingular_key" ON "core"."objectMetadata" USING btree ("workspaceId","nameSingular");--> statement-breakpoint
CREATE UNIQUE INDEX "objectMetadata_workspace_namePlural_key" ON "core"."objectMetadata" USING btree ("workspaceId","namePlural");--> statement-breakpoint
CREATE INDEX "objectMetadata_workspace_idx" ON "core"."objectMetadata" USING btree ("workspaceId");--> statement-breakpoint
CREATE UNIQUE INDEX "fieldMetadata_object_name_key" ON "core"."fieldMetadata" USING btree ("objectMetadataId","name");--> statement-breakpoint
CREATE INDEX "fieldMetadata_workspace_idx" ON "core"."fieldMetadata" USING btree ("workspaceId");--> statement-breakpoint
CREATE INDEX "indexFieldMetadata_index_idx" ON "core"."indexFieldMetadata" USING btree ("indexMetadataId");--> statement-breakpoint
CREATE UNIQUE INDEX "indexMetadata_workspace_name_key" ON "core"."indexMetadata" USING btree ("workspaceId","name");--> statement-breakpoint
CREATE INDEX "indexMetadata_object_idx" ON "core"."indexMetadata" USING btree ("objectMetadataId");--> statement-breakpoint
CREATE INDEX "webhook_workspace_idx" ON "core"."webhook" USING btree ("workspaceId");--> statement-breakpoint
CREATE INDEX "eventOutbox_pending_idx" ON "core"."eventOutbox" USING btree ("id") WHERE "processedAt" IS NULL;--> statement-breakpoint
CREATE INDEX "eventOutbox_workspace_idx" ON "core"."eventOutbox" USING btree ("workspaceId");
import type { AuthRole } from "../auth/auth-context.ts";
import type { FieldMetadata, ObjectMetadata } from "../metadata/types.ts";
import type { ResolvedPath } from "./plan/resolve-path.ts";

export type RecordOperation = "read" | "update" | "softDelete" | "destroy";

const workflowObjects = new Set(["workflow", "workflowVersion", "workflowRun", "workflowAutomatedTrigger"]);
const roleFlag = { read: "canReadAllObjectRecords", update: "canUpdateAllObjectRecords", softDelete: "canSoftDeleteAllObjectRecords", destroy: "canDestroyAllObjectRecords" } as const;
const overrideKey = { read: "canRead", update: "canUpdate", softDelete: "canSoftDelete", destroy: "canDestroy" } as const;

/**
 * What the caller's role may do with records (Twenty §5.5): the role's `can*AllObjectRecords`, overridden per
 * object; system objects are always allowed, workflow objects need the WORKFLOWS flag; field permissions can
 * only restrict. Creating needs update rights.
 */
export class RecordAccess {
  constructor(
    private readonly role: AuthRole | null,
    private readonly unrestricted = false,
  ) {}

  /** The server's own view, for what it writes about records (events) rather than what it shows a caller. */
  static readonly everything = new RecordAccess(null, true);

  can(operation: RecordOperation, object: ObjectMetadata): boolean {
    if (this.unrestricted) return true;
    const role = this.role;
    if (!role) return false;
    if (workflowObjects.has(object.nameSingular) && !role.canUpdateAllSettings && !role.permissionFlags.includes("WORKFLOWS")) return false;
    if (object.isSystem) return true;
    const override = role.objectPermissions?.find((p) => p.objectMetadataId === object.id)?.[overrideKey[operation]];
    return override ?? role[roleFlag[operation]];
  }

  canReadField(object: ObjectMetadata, field: FieldMetadata): boolean {
    if (this.unrestricted) return true;
    if (object.labelIdentifierFieldMetadataId === field.id) return true;
    return this.role?.fieldPermissions?.find((p) => p.fieldMetadataId === field.id)?.canRead !== false;
  }

  /**
   * Whether the caller may read what a filter or an order names: the field, and across a relation the
   * relation field, the related object and its field. Filtering by a value one cannot read would reveal it.
   */
  canReadPath(object: ObjectMetadata, target: ResolvedPath): boolean {
    if (!target.via) return this.canReadField(object, target.field);
    const related = target.via.target;
    return this.canReadField(object, target.via.relation) && this.can("read", related) && this.canReadField(related, target.field);
  }

  canUpdateField(field: FieldMetadata): boolean {
    if (this.unrestricted) return true;
    return this.role?.fieldPermissions?.find((p) => p.fieldMetadataId === field.id)?.canUpdate !== false;
  }
}

import type { FieldOption, FieldType, OnDeleteAction, RelationType } from "../types.ts";

/**
 * The standard objects are data: one file per object (or family) declares its fields in this shape, and the
 * metadata engine turns the list into metadata rows and tables when a workspace is created.
 * `id`, `createdAt`, `updatedAt` and `deletedAt` are added to every object and are not declared here.
 */
export interface StandardFieldDefinition {
  name: string;
  type: FieldType;
  label: string;
  description?: string;
  icon?: string;
  /** Default false: Twenty's standard fields are non-nullable unless marked nullable. */
  isNullable?: boolean;
  isSystem?: boolean;
  isUnique?: boolean;
  isUIReadOnly?: boolean;
  /** Deprecated fields stay in the schema (existing data) but are flagged in the description. */
  isDeprecated?: boolean;
  /** SQL-literal style, as metadata stores it: `"'NEW'"`, `"now"`, `0`, `true`, `{ firstName: "''" }`. */
  defaultValue?: unknown;
  options?: FieldOption[];
  settings?: Record<string, unknown>;
  /** For RELATION fields: both sides are declared, each naming the other. */
  relation?: {
    type: RelationType;
    /** nameSingular of the target object. */
    target: string;
    /** Name of the field on the target object that points back here. */
    inverse: string;
    /** MANY_TO_ONE side only. */
    onDelete?: OnDeleteAction;
  };
}

export interface StandardObjectDefinition {
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  description?: string;
  icon?: string;
  shortcut?: string;
  isSystem?: boolean;
  isSearchable?: boolean;
  /** Default true. */
  isAuditLogged?: boolean;
  isUIReadOnly?: boolean;
  /** Field name whose value names a record (default `name`). */
  labelIdentifier?: string;
  imageIdentifier?: string;
  duplicateCriteria?: string[][];
  /** Fields whose text feeds the `searchVector` column (only when a TS_VECTOR field is declared). */
  searchFields?: string[];
  fields: StandardFieldDefinition[];
}

/** Select options in declaration order: position = index, id filled in when metadata rows are built. */
export function selectOptions(entries: Array<[value: string, label: string, color: string]>): FieldOption[] {
  return entries.map(([value, label, color], position) => ({ id: "", value, label, position, color }));
}

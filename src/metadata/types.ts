export const fieldTypes = [
  "UUID",
  "TEXT",
  "PHONES",
  "EMAILS",
  "DATE_TIME",
  "DATE",
  "BOOLEAN",
  "NUMBER",
  "NUMERIC",
  "LINKS",
  "CURRENCY",
  "FULL_NAME",
  "RATING",
  "SELECT",
  "MULTI_SELECT",
  "RELATION",
  "MORPH_RELATION",
  "POSITION",
  "ADDRESS",
  "RAW_JSON",
  "RICH_TEXT",
  "RICH_TEXT_V2",
  "ACTOR",
  "ARRAY",
  "TS_VECTOR",
  "FILES",
] as const;

export type FieldType = (typeof fieldTypes)[number];

export type RelationType = "MANY_TO_ONE" | "ONE_TO_MANY";
export type OnDeleteAction = "CASCADE" | "RESTRICT" | "SET_NULL" | "NO_ACTION";

export const tagColors = ["green", "turquoise", "sky", "blue", "purple", "pink", "red", "orange", "yellow", "gray"] as const;
export type TagColor = (typeof tagColors)[number];

export interface FieldOption {
  id: string;
  label: string;
  value: string;
  position: number;
  color: TagColor | string;
}

/** `settings` of a RELATION field. `joinColumnName` exists on the MANY_TO_ONE side only. */
export interface RelationSettings {
  relationType: RelationType;
  onDelete?: OnDeleteAction;
  joinColumnName?: string;
}

/** A field as the metadata tables hold it (one `core.fieldMetadata` row). */
export interface FieldMetadata {
  id: string;
  objectMetadataId: string;
  standardId: string | null;
  type: FieldType;
  name: string;
  label: string;
  description: string | null;
  icon: string | null;
  /** SQL-literal style, as Twenty stores it: `"'NEW'"`, `"now"`, `"uuid"`, `{firstName: "''"}`, `["'A'"]`. */
  defaultValue: unknown;
  options: FieldOption[] | null;
  settings: Record<string, unknown> | null;
  isCustom: boolean;
  isActive: boolean;
  isSystem: boolean;
  isUIReadOnly: boolean;
  isNullable: boolean;
  isUnique: boolean;
  isLabelSyncedWithName: boolean;
  relationTargetFieldMetadataId: string | null;
  relationTargetObjectMetadataId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An object as the metadata tables hold it, with its fields. */
export interface ObjectMetadata {
  id: string;
  standardId: string | null;
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  description: string | null;
  icon: string | null;
  shortcut: string | null;
  color: string | null;
  tableName: string;
  isCustom: boolean;
  isRemote: boolean;
  isActive: boolean;
  isSystem: boolean;
  isUIReadOnly: boolean;
  isAuditLogged: boolean;
  isSearchable: boolean;
  isLabelSyncedWithName: boolean;
  duplicateCriteria: string[][] | null;
  labelIdentifierFieldMetadataId: string | null;
  imageIdentifierFieldMetadataId: string | null;
  createdAt: Date;
  updatedAt: Date;
  fields: FieldMetadata[];
}

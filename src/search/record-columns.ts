import { ident } from "../db/sql-text.ts";
import { fieldTypeDefinition } from "../field-types/registry.ts";
import { subFieldColumn } from "../metadata/names.ts";
import type { FieldMetadata, ObjectMetadata } from "../metadata/types.ts";
import type { RecordAccess } from "../query/access.ts";

/** SQL text over one table alias, built from validated identifiers only (no values). */
export interface RecordColumns {
  /** What names the record (never null). */
  label: string;
  /** The company's website, from which its logo is derived; NULL for other objects. */
  domain: string;
  /** The image-identifier field's stored value (a person's avatar); NULL when none. */
  image: string;
}

const column = (alias: string, name: string) => `${alias}.${ident(name)}`;

/**
 * One field as display text. A full name reads "first last" as Twenty shows it; any other field type reads
 * its first column as text, so a custom object whose label identifier is, say, a number still gets a label.
 */
function fieldText(field: FieldMetadata, alias: string, schema: string, table: string): string {
  if (field.type === "FULL_NAME") {
    const first = column(alias, subFieldColumn(field.name, "firstName"));
    const last = column(alias, subFieldColumn(field.name, "lastName"));
    return `trim(coalesce(${first}, '') || ' ' || coalesce(${last}, ''))`;
  }
  const [first] = fieldTypeDefinition(field.type).columns(field, { schema, table });
  if (!first) return `''`;
  // Text stays uncast, so the expression is the one a trigram index on the label would be built over.
  const text = first.sqlType === "text" ? column(alias, first.name) : `${column(alias, first.name)}::text`;
  return `coalesce(${text}, '')`;
}

const byId = (object: ObjectMetadata, id: string | null) => (id ? object.fields.find((field) => field.id === id && field.isActive) : undefined);

/** Twenty falls back to the `name` field when an object names no label identifier. */
export function labelFieldOf(object: ObjectMetadata): FieldMetadata | undefined {
  return byId(object, object.labelIdentifierFieldMetadataId) ?? object.fields.find((field) => field.name === "name" && field.isActive);
}

/**
 * The label, logo source and image of one object's records. Images come only from fields the caller may
 * read (the label identifier always is), so a restricted role learns nothing through a search hit.
 */
export function recordColumns(object: ObjectMetadata, access: RecordAccess, alias: string, schema: string): RecordColumns {
  const labelField = labelFieldOf(object);
  const label = labelField ? fieldText(labelField, alias, schema, object.tableName) : `''`;

  const domainField = object.nameSingular === "company" ? object.fields.find((field) => field.name === "domainName" && field.type === "LINKS" && field.isActive) : undefined;
  const domain = domainField && access.canReadField(object, domainField) ? column(alias, subFieldColumn(domainField.name, "primaryLinkUrl")) : "NULL";

  const imageField = byId(object, object.imageIdentifierFieldMetadataId);
  const image = imageField && access.canReadField(object, imageField) ? `nullif(${fieldText(imageField, alias, schema, object.tableName)}, '')` : "NULL";

  return { label, domain: `${domain}::text`, image: `${image}::text` };
}

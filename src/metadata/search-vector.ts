import { ident } from "../db/sql-text.ts";
import { fieldTypeDefinition } from "../field-types/registry.ts";
import type { FieldMetadata } from "./types.ts";

/**
 * The generated-column expression of a search vector over the given fields: unaccented, `simple`
 * configuration (no stemming, names stay names). Only IMMUTABLE functions may appear here.
 */
export function searchVectorExpression(fields: FieldMetadata[]): string {
  const texts = fields.flatMap((field) => fieldTypeDefinition(field.type).searchText?.(field, ident) ?? []);
  if (texts.length === 0) return `to_tsvector('simple', '')`;
  const joined = texts.map((text) => `coalesce(${text}, '')`).join(` || ' ' || `);
  return `to_tsvector('simple', public.unaccent_immutable(${joined}))`;
}

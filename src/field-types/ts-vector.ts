import type { FieldTypeDefinition } from "./field-type.ts";
import { scalarFieldGraphQL } from "./graphql-sdl.ts";
import { tsVectorLeaf } from "./leaves/structured.ts";

/**
 * Postgres maintains the search vector itself: a generated column over the object's searchable text,
 * whose expression the metadata engine computes and keeps in `settings.asExpression`.
 */
export const tsVectorType: FieldTypeDefinition = {
  types: ["TS_VECTOR"],
  columns(field) {
    const expression = field.settings?.asExpression;
    return [
      {
        name: field.name,
        sqlType: "tsvector",
        nullable: true,
        ...(typeof expression === "string" ? { generatedSql: expression } : {}),
      },
    ];
  },
  leaves: (field) => [{ column: field.name, leaf: tsVectorLeaf }],
  output: (field, _context, column) => tsVectorLeaf.output(column(field.name)),
  schema: () => tsVectorLeaf.schema(),
  // Postgres writes it; it is filtered with `search` but neither ordered by nor written.
  graphql: () => ({ ...scalarFieldGraphQL(tsVectorLeaf, "", [], false), orderBy: undefined }),
};

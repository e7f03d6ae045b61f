import { z } from "@hono/zod-openapi";
import { fieldTypeDefinition } from "../field-types/registry.ts";
import { joinColumnOf } from "../field-types/relation.ts";
import { capitalize } from "../metadata/names.ts";
import type { ObjectMetadata } from "../metadata/types.ts";
import type { WorkspaceMetadata } from "../metadata/workspace-metadata.ts";

export interface ObjectSchemas {
  record: z.ZodType;
  create: z.ZodType;
  update: z.ZodType;
}

const serverOwned = new Set(["id", "createdAt", "updatedAt", "deletedAt", "searchVector", "createdBy", "updatedBy"]);

/**
 * An object's record and input schemas, read from the field-type registry: every active field as it is
 * written out (depth 0: relations as their join column), and as it may be written in.
 */
export function objectSchemas(metadata: WorkspaceMetadata, object: ObjectMetadata): ObjectSchemas {
  const context = { schema: metadata.schemaName, table: object.tableName };
  const record: Record<string, z.ZodType> = {};
  const input: Record<string, z.ZodType> = { id: z.string().openapi({ format: "uuid" }).optional() };
  for (const field of object.fields) {
    if (!field.isActive) continue;
    const describe = <T extends z.ZodType>(schema: T) => (field.description ? schema.openapi({ description: field.description }) : schema);
    if (field.type === "RELATION") {
      const joinColumn = joinColumnOf(field);
      if (!joinColumn) continue;
      const id = z.string().openapi({ format: "uuid", description: `Id of the related ${field.name}` }).nullable();
      record[joinColumn] = id;
      input[joinColumn] = id.optional();
      continue;
    }
    const definition = fieldTypeDefinition(field.type);
    const schema = definition.schema?.(field, context);
    if (!schema) continue;
    const written = definition.inputSchema?.(field, context) ?? schema;
    if (field.type !== "TS_VECTOR") record[field.name] = describe(schema);
    if (field.name === "createdBy") input.createdBy = z.object({ source: z.string(), context: z.unknown() }).partial().optional();
    else if (field.type === "POSITION") input[field.name] = z.union([z.number(), z.enum(["first", "last"])]).optional();
    else if (!serverOwned.has(field.name)) input[field.name] = describe(written).optional();
  }
  const name = capitalize(object.nameSingular);
  return {
    record: z.object(record).openapi(name),
    create: z.object(input).openapi(`${name}ForCreate`),
    update: z.object(Object.fromEntries(Object.entries(input).filter(([key]) => key !== "id"))).openapi(`${name}ForUpdate`),
  };
}

import { qualified } from "../../db/sql-text.ts";
import type { FieldMetadata, ObjectMetadata, RelationSettings } from "../types.ts";
import { columnSql, createEnumSql } from "./column-sql.ts";
import { foreignKeySql, joinColumnIndexSql, listOrderIndexesSql, searchIndexSql, uniqueIndexSql } from "./indexes.ts";
import { objectColumns } from "./object-columns.ts";

export interface UniqueIndex {
  name: string;
  field: FieldMetadata;
}

export interface ObjectDdl {
  /** Enum types and the table: runnable before any other table exists. */
  table: string[];
  /** Foreign keys and indexes: run once every table they reference exists. */
  constraints: string[];
  /** Unique indexes, for index metadata rows. */
  uniqueIndexes: UniqueIndex[];
}

export function createObjectDdl(schema: string, object: ObjectMetadata, objectsById: Map<string, ObjectMetadata>): ObjectDdl {
  const columns = objectColumns(object, schema);
  const table: string[] = [];
  for (const column of columns) {
    const enumSql = createEnumSql(schema, column);
    if (enumSql) table.push(enumSql);
  }
  const definitions = columns.map((column) => columnSql(column, column.name === "id"));
  table.push(`CREATE TABLE ${qualified(schema, object.tableName)} (${definitions.join(", ")})`);
  const constraints: string[] = listOrderIndexesSql(schema, object);
  const uniqueIndexes: UniqueIndex[] = [];
  for (const field of object.fields) {
    const ddl = fieldConstraintsDdl(schema, object, field, objectsById);
    constraints.push(...ddl.statements);
    if (ddl.uniqueIndex) uniqueIndexes.push(ddl.uniqueIndex);
  }
  return { table, constraints, uniqueIndexes };
}

/** What a field needs beyond its columns: a foreign key and join index, a GIN index, or a unique index. */
export function fieldConstraintsDdl(
  schema: string,
  object: ObjectMetadata,
  field: FieldMetadata,
  objectsById: Map<string, ObjectMetadata>,
): { statements: string[]; uniqueIndex?: UniqueIndex } {
  if (field.type === "RELATION") {
    const settings = field.settings as unknown as RelationSettings;
    if (settings.relationType !== "MANY_TO_ONE") return { statements: [] };
    const target = objectsById.get(field.relationTargetObjectMetadataId ?? "");
    if (!target) throw new Error(`relation ${object.nameSingular}.${field.name} has no target object`);
    return {
      statements: [foreignKeySql(schema, object, field, target), joinColumnIndexSql(schema, object, settings.joinColumnName ?? `${field.name}Id`)],
    };
  }
  if (field.type === "TS_VECTOR") return { statements: [searchIndexSql(schema, object, field.name)] };
  if (field.isUnique && field.name !== "id") {
    const index = uniqueIndexSql(schema, object, field);
    return { statements: [index.sql], uniqueIndex: { name: index.name, field } };
  }
  return { statements: [] };
}

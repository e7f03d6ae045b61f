import { qualified } from "../../db/sql-text.ts";
import type { FieldMetadata, ObjectMetadata, RelationSettings } from "../types.ts";
import { columnSql, createEnumSql } from "./column-sql.ts";
import { foreignKeySql, joinColumnIndexSql, searchIndexSql, uniqueIndexSql } from "./indexes.ts";
import { objectColumns } from "./object-columns.ts";

export interface ObjectDdl {
  /** Enum types and the table: runnable before any other table exists. */
  table: string[];
  /** Foreign keys and indexes: run once every table they reference exists. */
  constraints: string[];
  /** Unique indexes, for index metadata rows. */
  uniqueIndexes: Array<{ name: string; field: FieldMetadata }>;
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

  const constraints: string[] = [];
  const uniqueIndexes: ObjectDdl["uniqueIndexes"] = [];
  for (const field of object.fields) {
    if (field.type === "RELATION") {
      const settings = field.settings as unknown as RelationSettings;
      if (settings.relationType !== "MANY_TO_ONE") continue;
      const target = objectsById.get(field.relationTargetObjectMetadataId ?? "");
      if (!target) throw new Error(`relation ${object.nameSingular}.${field.name} has no target object`);
      constraints.push(foreignKeySql(schema, object, field, target));
      constraints.push(joinColumnIndexSql(schema, object, settings.joinColumnName ?? `${field.name}Id`));
    } else if (field.type === "TS_VECTOR") {
      constraints.push(searchIndexSql(schema, object, field.name));
    } else if (field.isUnique && field.name !== "id") {
      const index = uniqueIndexSql(schema, object, field);
      constraints.push(index.sql);
      uniqueIndexes.push({ name: index.name, field });
    }
  }
  return { table, constraints, uniqueIndexes };
}

import { ident, literal, qualified } from "../../db/sql-text.ts";
import type { FieldMetadata, ObjectMetadata } from "../types.ts";
import { fieldColumns } from "./object-columns.ts";

/**
 * Changes an enum column's values: a new type, the column converted through a mapping (renamed values follow
 * their option, removed values become NULL or leave the array), the old type dropped, the new one renamed.
 * Works for any mix of added, renamed and removed options, inside the change's transaction.
 */
export function replaceEnumDdl(
  schema: string,
  object: ObjectMetadata,
  before: FieldMetadata,
  after: FieldMetadata,
  renamed: Map<string, string>,
  removed: string[],
): string[] {
  const [oldColumn] = fieldColumns(before, object, schema);
  const [column] = fieldColumns(after, object, schema);
  if (!oldColumn?.enumType || !column?.enumType) return [];
  const enumName = column.enumType.name;
  const temporary = `${enumName}_next`;
  const tableSql = qualified(schema, object.tableName);
  const name = ident(column.name);
  const mapping = (value: string) => {
    const cases = [...renamed].map(([from, to]) => `WHEN ${literal(from)} THEN ${literal(to)}`);
    cases.push(...removed.map((value) => `WHEN ${literal(value)} THEN NULL`));
    return cases.length ? `CASE ${value} ${cases.join(" ")} ELSE ${value} END` : value;
  };
  const nextType = qualified(schema, temporary);
  const statements = [`CREATE TYPE ${nextType} AS ENUM (${column.enumType.values.map(literal).join(", ")})`];
  if (after.type === "MULTI_SELECT") {
    // ALTER ... USING cannot hold the subquery an array needs, so the values move through a new column.
    const next = ident(`${column.name}__next`);
    statements.push(
      `ALTER TABLE ${tableSql} ADD COLUMN ${next} ${nextType}[]`,
      `UPDATE ${tableSql} SET ${next} = ARRAY(SELECT m::${nextType} FROM (SELECT ${mapping("v::text")} AS m FROM unnest(${name}) AS v) mapped WHERE m IS NOT NULL)`,
      `ALTER TABLE ${tableSql} DROP COLUMN ${name}`,
      `ALTER TABLE ${tableSql} RENAME COLUMN ${next} TO ${name}`,
    );
    if (!column.nullable) statements.push(`ALTER TABLE ${tableSql} ALTER COLUMN ${name} SET NOT NULL`);
  } else {
    statements.push(
      `ALTER TABLE ${tableSql} ALTER COLUMN ${name} DROP DEFAULT`,
      `ALTER TABLE ${tableSql} ALTER COLUMN ${name} TYPE ${nextType} USING (${mapping(`${name}::text`)})::${nextType}`,
    );
  }
  statements.push(`DROP TYPE ${qualified(schema, oldColumn.enumType.name)}`, `ALTER TYPE ${nextType} RENAME TO ${ident(enumName)}`);
  if (column.defaultSql) statements.push(`ALTER TABLE ${tableSql} ALTER COLUMN ${name} SET DEFAULT ${column.defaultSql}`);
  return statements;
}

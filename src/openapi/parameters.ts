import { z } from "@hono/zod-openapi";

const query = (name: string, schema: z.ZodType, description: string) => schema.optional().openapi({ param: { name, in: "query" }, description });

export const listQuery = z.object({
  limit: query("limit", z.number().int().min(0).max(200).default(60), "Page size; at most 200 (larger values are clamped)"),
  order_by: query("order_by", z.string(), "`field1,field2[DescNullsLast]`; directions AscNullsFirst (default), AscNullsLast, DescNullsFirst, DescNullsLast"),
  filter: query("filter", z.string(), "`field[eq]:value`, `and(...)`, `or(...)`, `not(...)`; also `filter[field][op]=value`"),
  starting_after: query("starting_after", z.string(), "Cursor: the page after it (alias: after)"),
  ending_before: query("ending_before", z.string(), "Cursor: the page before it (alias: before)"),
  offset: query("offset", z.number().int().min(0), "Rows to skip (instead of a cursor)"),
  depth: query("depth", z.number().int().min(0).max(2).default(1), "Related records to embed: 0, 1 or 2 levels"),
});

export const depthQuery = z.object({ depth: listQuery.shape.depth });
export const filterQuery = z.object({ filter: listQuery.shape.filter, depth: listQuery.shape.depth });
export const deleteQuery = z.object({
  soft_delete: query("soft_delete", z.enum(["true", "false"]).default("true"), "false destroys the record; by default it is soft-deleted (restorable)"),
  depth: listQuery.shape.depth,
});
export const upsertQuery = z.object({
  depth: listQuery.shape.depth,
  upsert: query("upsert", z.enum(["true", "false"]).default("false"), "Update the record matching id or a unique field instead of failing"),
});
export const idPath = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" }, format: "uuid" }) });

export const groupByQuery = z.object({
  group_by: query("group_by", z.string(), 'JSON array, e.g. [{"stage":true},{"closeDate":{"granularity":"DAY_OF_THE_WEEK","timeZone":"Europe/Paris"}}]'),
  aggregate: query("aggregate", z.string(), 'JSON array of aggregate names, e.g. ["totalCount","sumAmountAmountMicros"]'),
  filter: listQuery.shape.filter,
  order_by: query("order_by", z.string(), 'JSON array, e.g. [{"aggregate":{"totalCount":"DescNullsLast"}}]'),
  order_by_for_records: query("order_by_for_records", z.string(), "Order of the sample records, REST order grammar"),
  include_records_sample: query("include_records_sample", z.enum(["true", "false"]), "Add up to 60 records to each group"),
  limit: query("limit", z.number().int().min(0).max(200).default(50), "Groups per response"),
});

import { z } from "@hono/zod-openapi";
import type { FieldMetadata } from "../metadata/types.ts";
import type { ColumnValue, FieldTypeDefinition, InputContext } from "./field-type.ts";
import { filterInputSdl } from "./graphql-sdl.ts";
import { invalidInput } from "./inputs/input-errors.ts";
import { parseInputValue, shown } from "./inputs/input-messages.ts";
import { uuidLeaf } from "./leaves/identity.ts";
import { jsonLeaf } from "./leaves/structured.ts";
import { scalarColumn } from "./scalar.ts";

/** One stored file reference; `url` stays null until files are served signed from R2. */
interface FileItem {
  fileId: string;
  label: string;
  extension: string | null;
  url: null;
}

const filesLeaf = { ...jsonLeaf, typeName: "FILES" };

/** `report.final.pdf` → `.pdf`, as Twenty shows extensions; none when the label has no dot. */
function extensionOf(label: string): string | null {
  const dot = label.lastIndexOf(".");
  return dot > 0 && dot < label.length - 1 ? label.slice(dot).toLowerCase() : null;
}

/** Twenty's FILES wording: the whole value quoted, then what is wrong with it. */
const wrongFiles = (value: unknown, key: string, why: string) => invalidInput(`Invalid value "${shown(value)}" for FILES field "${key}" - ${why}`);
const shape = 'It should be an array of objects with "fileId" and "label" properties.';

/** Clients write `{fileId, label}` only (extension and url are the server's, as in 2.21's FileItemInput). */
function readItem(item: unknown, index: number, value: unknown, key: string): FileItem {
  if (!item || typeof item !== "object" || Array.isArray(item)) throw wrongFiles(value, key, shape);
  const record = item as Record<string, unknown>;
  const unknown = Object.keys(record).find((name) => name !== "fileId" && name !== "label");
  if (unknown) throw wrongFiles(value, key, `${index}: Unrecognized key: "${unknown}"`);
  const fileId = parseInputValue(uuidLeaf, record.fileId, `${key}.${index}.fileId`) as string;
  if (typeof record.label !== "string" || record.label.trim() === "") throw wrongFiles(value, key, `${index}.label: expected a non-empty string`);
  return { fileId, label: record.label, extension: extensionOf(record.label), url: null };
}

/** `settings.maxNumberOfValues` caps the list, as Twenty's FILES settings do. */
function maxValues(field: FieldMetadata): number | undefined {
  const max = (field.settings as { maxNumberOfValues?: unknown } | null)?.maxNumberOfValues;
  return typeof max === "number" && Number.isInteger(max) && max > 0 ? max : undefined;
}

function filesInput(field: FieldMetadata, value: unknown, context: InputContext): ColumnValue[] {
  const column = { column: field.name, cast: "jsonb" };
  if (value === null) {
    if (!field.isNullable) throw invalidInput(`Field "${context.key}" cannot be null`);
    return [{ ...column, value: null }];
  }
  if (!Array.isArray(value)) throw wrongFiles(value, context.key, shape);
  const max = maxValues(field);
  if (max !== undefined && value.length > max) throw invalidInput(`Field "${context.key}" takes at most ${max} files`);
  const items = value.map((item, index) => readItem(item, index, value, context.key));
  // An empty list is stored as NULL, as other lists are, so `is NULL` and the empty counts see it.
  return [{ ...column, value: items.length ? JSON.stringify(items) : null }];
}

const fileObject = z
  .object({ fileId: z.string().openapi({ format: "uuid" }), label: z.string(), extension: z.string().nullable(), url: z.string().nullable() })
  .openapi("FileObject");

const fileItemInput = z.object({ fileId: z.string().openapi({ format: "uuid" }), label: z.string() }).openapi("FileItemInput");

/**
 * FILES (Twenty 2.21): a list of file references kept as one JSON array; clients write `{fileId, label}` and
 * read `{fileId, label, extension, url}`. Filtered like raw JSON (`is`, `like`), as 2.21's RawJsonFilter.
 */
export const filesType: FieldTypeDefinition = {
  types: ["FILES"],
  columns: (field) => [scalarColumn(field, "jsonb", "jsonb")],
  leaves: (field) => [{ column: field.name, leaf: filesLeaf }],
  input: filesInput,
  output: (field, _context, column) => `coalesce(${column(field.name)}, '[]'::jsonb)`,
  schema: () => z.array(fileObject),
  inputSchema: () => z.array(fileItemInput),
  graphql: () => ({
    output: "[FileObject]",
    filter: "RawJsonFilter",
    orderBy: "OrderByDirection",
    input: "[FileItemInput]",
    typeDefs: [
      ["FileObject", "type FileObject {\n  fileId: UUID!\n  label: String!\n  extension: String\n  url: String\n}"],
      ["FileItemInput", "input FileItemInput {\n  fileId: UUID!\n  label: String!\n}"],
      ["RawJsonFilter", filterInputSdl("RawJsonFilter", jsonLeaf.operators, "String")],
    ],
  }),
};

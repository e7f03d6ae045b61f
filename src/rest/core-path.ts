import { AppError } from "../errors/app-error.ts";
import { isUuid } from "../ids/uuid.ts";

export type CoreRoute =
  | { kind: "collection"; plural: string }
  | { kind: "record"; plural: string; id: string }
  | { kind: "batch"; plural: string }
  | { kind: "groupBy" | "duplicates" | "merge"; plural: string }
  | { kind: "restoreRecord"; plural: string; id: string }
  | { kind: "restoreMany"; plural: string };


function checkId(segment: string): string {
  if (!isUuid(segment)) throw new AppError(400, "INVALID_UUID", `'${segment}' is not a valid UUID`);
  return segment;
}

/**
 * `/rest/...` paths (Twenty §1.3, with both restore spellings): `<plural>`, `<plural>/<id>`, `batch/<plural>`,
 * `<plural>/groupBy|duplicates|merge|restore`, `<plural>/<id>/restore`, `restore/<plural>[/<id>]`.
 */
export function parseCorePath(path: string): CoreRoute {
  const segments = path.replace(/^\/rest\/?/, "").split("/").filter((s) => s !== "");
  const invalid = () =>
    new AppError(400, "INVALID_PATH", `Query path '${path}' invalid. Valid examples: /rest/companies/id or /rest/companies or /rest/batch/companies`);
  const [first, second, third] = segments;
  if (!first || segments.length > 3) throw invalid();
  if (segments.length === 1) return { kind: "collection", plural: first };
  if (first === "batch" && segments.length === 2) return { kind: "batch", plural: second! };
  if (first === "restore") return third ? { kind: "restoreRecord", plural: second!, id: checkId(third) } : { kind: "restoreMany", plural: second! };
  if (segments.length === 3) {
    if (third !== "restore") throw invalid();
    return { kind: "restoreRecord", plural: first, id: checkId(second!) };
  }
  if (second === "groupBy" || second === "duplicates" || second === "merge") return { kind: second, plural: first };
  if (second === "restore") return { kind: "restoreMany", plural: first };
  return { kind: "record", plural: first, id: checkId(second!) };
}

import { compositeType } from "../composite.ts";

export const richTextV2Type = compositeType("RICH_TEXT_V2", [
  { name: "blocknote", kind: "TEXT", defaultValue: null, nullable: true },
  { name: "markdown", kind: "TEXT", defaultValue: null, searchable: true, nullable: true },
]);

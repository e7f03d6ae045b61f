import { compositeType } from "../composite.ts";
import { invalidInput } from "../inputs/input-errors.ts";
import { blocknoteToMarkdown, markdownToBlocknote } from "./rich-text-convert.ts";

const absent = (v: unknown) => v === undefined || v === null;

function parseBlocknote(text: string, key: string): unknown {
  if (!text.trim()) return [];
  let blocks: unknown;
  try {
    blocks = JSON.parse(text);
  } catch {
    blocks = undefined;
  }
  if (typeof blocks !== "object" || blocks === null) throw invalidInput(`Field "${key}.blocknote" takes a JSON array of BlockNote blocks`);
  return blocks;
}

/**
 * Twenty derives whichever of markdown / blocknote is missing (spec §1.11), so API writers and the editor both
 * see the body. Both given are kept as given; null or absent on both sides changes nothing.
 *
 * Twenty 2.21 calls this composite RICH_TEXT (GraphQL `RichText`); RICH_TEXT_V2 is its older name, still
 * accepted on field creation and served with the same columns and types.
 */
const composite = compositeType(
  "RICH_TEXT",
  [
    { name: "blocknote", kind: "TEXT", defaultValue: null, nullable: true },
    { name: "markdown", kind: "TEXT", defaultValue: null, searchable: true, nullable: true },
  ],
  (value, key) => {
    const out = { ...value };
    // Lenient: clients send the blocks themselves where a JSON string is expected.
    if (typeof out.blocknote === "object" && out.blocknote !== null) out.blocknote = JSON.stringify(out.blocknote);
    if (typeof out.markdown === "string" && absent(out.blocknote)) {
      const blocks = markdownToBlocknote(out.markdown);
      // BlockNote refuses an empty document as initial content, so a blank body has no blocks at all.
      out.blocknote = blocks.length ? JSON.stringify(blocks) : null;
    } else if (typeof out.blocknote === "string" && absent(out.markdown)) {
      out.markdown = blocknoteToMarkdown(parseBlocknote(out.blocknote, key));
    }
    return out;
  },
);

export const richTextType = { ...composite, types: ["RICH_TEXT", "RICH_TEXT_V2"] as const };

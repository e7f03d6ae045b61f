/**
 * Markdown ↔ BlockNote blocks for RICH_TEXT_V2, whose missing half is derived on write (spec §1.11). Our own
 * small converter for the subset BlockNote can hold (headings, paragraphs, lists, check items, code, quotes;
 * bold/italic/code/strike, links). It is close to CommonMark where that is cheap, simpler where not, and
 * linear-ish on any input: user text reaches it unbounded, so no step may rescan the rest of the text.
 */

import { isObject, MAX_DEPTH, parseInline, type InlineItem } from "./rich-text-inline.ts";
import { longestRun, plainText, renderInline, renderPlain } from "./rich-text-render.ts";

interface Block { id: string; type: string; props: Record<string, unknown>; content: InlineItem[]; children: Block[] }

const DEFAULT_PROPS = { textColor: "default", backgroundColor: "default", textAlignment: "left" } as const;

// ---------------------------------------------------------------- markdown → blocks

const FENCE = /^(`{3,}|~{3,})[ \t]*(.*)$/;
const FENCE_CLOSE = /^(`{3,}|~{3,})$/;
const HEADING = /^(#{1,6})(?:[ \t]+(.*))?$/;
const BULLET = /^[-*+](?:[ \t]+(.*))?$/;
const ORDERED = /^(\d{1,9})[.)](?:[ \t]+(.*))?$/;
const CHECK = /^\[([ xX])\](?:[ \t]+(.*))?$/;

/**
 * BlockNote blocks (public JSON shape, fresh uuid ids) for a markdown text; [] for a blank one. Blocks share
 * frozen `styles` objects: the result is meant to be serialized, not edited in place.
 */
export function markdownToBlocknote(markdown: string): unknown[] {
  return parseBlocks(markdown.split(/\r\n?|\n/), 0);
}

function block(type: string, props: Record<string, unknown>, content: InlineItem[], children: Block[] = []): Block {
  return { id: crypto.randomUUID(), type, props, content, children };
}

function fenceOf(line: string): { fence: string; lang: string } | null {
  const m = FENCE.exec(line);
  // A backtick fence's info string may not hold backticks (```a``` is inline code).
  if (!m || (m[1]![0] === "`" && m[2]!.includes("`"))) return null;
  return { fence: m[1]!, lang: m[2]!.trim().split(/\s/)[0]! };
}

/** Whether a (trimmed) line opens a block and so ends a paragraph; only `1.` interrupts one, as in CommonMark. */
function isBlockStart(line: string, inList: boolean): boolean {
  if (fenceOf(line) || HEADING.test(line) || line[0] === ">" || BULLET.test(line)) return true;
  const ordered = ORDERED.exec(line);
  return !!ordered && (inList || ordered[1] === "1");
}

function columns(line: string): number {
  let col = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
  }
  return col;
}

function dedent(line: string, n: number): string {
  let col = 0;
  let i = 0;
  while (i < line.length && col < n && (line[i] === " " || line[i] === "\t")) col += line[i++] === "\t" ? 4 - (col % 4) : 1;
  return line.slice(i);
}

/** Where a block's text ends: at a blank line or a line that starts another block. */
function linesEnd(lines: string[], from: number, inList: boolean): number {
  let i = from;
  while (i < lines.length) {
    const t = lines[i]!.trim();
    if (!t || isBlockStart(t, inList)) break;
    i++;
  }
  return i;
}

function joinLines(first: string, lines: string[], from: number, to: number): string {
  let text = first.trim();
  for (let k = from; k < to; k++) text += `\n${lines[k]!.trim()}`;
  return text;
}

function parseBlocks(lines: string[], depth: number): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    const line = raw.trim();
    if (!line) {
      i++;
      continue;
    }
    const indent = columns(raw);
    const fence = fenceOf(line);
    if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length; i++) {
        const close = FENCE_CLOSE.exec(lines[i]!.trim());
        if (close && close[1]![0] === fence.fence[0] && close[1]!.length >= fence.fence.length) {
          i++;
          break;
        }
        body.push(dedent(lines[i]!, indent));
      }
      const code = body.join("\n");
      blocks.push(block("codeBlock", { language: fence.lang || "text" }, code ? [{ type: "text", text: code, styles: {} }] : []));
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      // BlockNote's default heading levels are 1–3; deeper headings keep their text at level 3.
      blocks.push(block("heading", { ...DEFAULT_PROPS, level: Math.min(heading[1]!.length, 3) }, parseInline(heading[2] ?? "")));
      i++;
      continue;
    }
    if (line[0] === ">") {
      const body: string[] = [];
      for (; i < lines.length; i++) {
        const t = lines[i]!.trim();
        if (t[0] === ">") body.push(t.replace(/^>[ \t]?/, "").trimEnd());
        else if (t && !isBlockStart(t, false)) body.push(t); // lazy continuation, as in CommonMark
        else break;
      }
      blocks.push(block("quote", { ...DEFAULT_PROPS }, parseInline(body.join("\n").replace(/^\n+|\n+$/g, ""))));
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      let type = "numberedListItem";
      let props: Record<string, unknown> = { ...DEFAULT_PROPS };
      let first = (bullet ? bullet[1] : ordered![2]) ?? "";
      const check = bullet ? CHECK.exec(first) : null;
      if (check) [type, props, first] = ["checkListItem", { ...props, checked: check[1] !== " " }, check[2] ?? ""];
      else if (bullet) type = "bulletListItem";
      const textEnd = linesEnd(lines, i + 1, true);
      const text = joinLines(first, lines, i + 1, textEnd);
      i = textEnd;
      // Children: following lines indented deeper than the marker (blank lines inside are kept).
      let end = i;
      if (depth < MAX_DEPTH) {
        while (end < lines.length && (!lines[end]!.trim() || columns(lines[end]!) > indent)) end++;
        while (end > i && !lines[end - 1]!.trim()) end--;
      }
      const region = lines.slice(i, end);
      let shift = Infinity;
      for (const l of region) if (l.trim()) shift = Math.min(shift, columns(l));
      const children = region.length ? parseBlocks(region.map((l) => dedent(l, shift)), depth + 1) : [];
      blocks.push(block(type, props, parseInline(text), children));
      i = end;
      continue;
    }
    const end = linesEnd(lines, i + 1, false);
    blocks.push(block("paragraph", { ...DEFAULT_PROPS }, parseInline(joinLines(line, lines, i + 1, end))));
    i = end;
  }
  return blocks;
}

// ---------------------------------------------------------------- blocks → markdown

const LIST_TYPES = new Set(["bulletListItem", "numberedListItem", "checkListItem"]);
const LIST_LINE = /^(?:[-*+]|\d+[.)])(?:[ \t]|$)/;

/** Lenient about its input, which clients send: a JSON string, one block, junk inside the list. */
export function blocknoteToMarkdown(blocks: unknown): string {
  if (typeof blocks === "string") {
    try {
      blocks = JSON.parse(blocks);
    } catch {
      return "";
    }
  }
  return writeBlocks(Array.isArray(blocks) ? blocks : isObject(blocks) ? [blocks] : [], 0);
}

function writeBlocks(blocks: unknown[], depth: number): string {
  let out = "";
  let previousWasList = false;
  let number = 0;
  for (const raw of blocks) {
    if (!isObject(raw)) continue;
    const type = typeof raw.type === "string" ? raw.type : "";
    const props = isObject(raw.props) ? raw.props : {};
    number = type === "numberedListItem" ? number + 1 : 0;
    let own: string;
    if (type === "heading") {
      const level = Math.min(Math.max(Math.trunc(Number(props.level)) || 1, 1), 6);
      own = `${"#".repeat(level)} ${renderInline(raw.content, true).trim()}`;
    } else if (type === "paragraph") own = renderInline(raw.content, false);
    else if (LIST_TYPES.has(type)) {
      const marker = type === "numberedListItem" ? `${number}. ` : type === "bulletListItem" ? "- " : props.checked === true ? "- [x] " : "- [ ] ";
      // Continuation lines indent under the marker; a bullet's text must not read as a check box.
      own = marker + renderInline(raw.content, false).trim().replace(/\n(?=.)/g, "\n  ");
      if (type === "bulletListItem") own = own.replace(/^- (\[[ xX]\](?:\s|$))/, "- \\$1");
    } else if (type === "codeBlock") {
      const code = plainText(raw.content, 0);
      const lang = typeof props.language === "string" && props.language !== "text" ? props.language.replace(/[\s`]/g, "") : "";
      const fence = "`".repeat(Math.max(3, longestRun(code) + 1));
      own = `${fence}${lang}\n${code}${code ? "\n" : ""}${fence}`;
    } else if (type === "quote") own = renderInline(raw.content, false).trim().split("\n").map((l) => (l ? `> ${l}` : ">")).join("\n");
    else own = renderPlain(plainText(raw.content, 0)); // unknown block types keep their text
    // Blanks around a block's text are lost on parsing anyway; leading ones would make it a list item's child.
    own = type === "codeBlock" ? own : own.trim();
    const children = Array.isArray(raw.children) && raw.children.length ? raw.children : null;
    let md = own;
    if (children) {
      // Children indent two spaces under their parent; past MAX_DEPTH they follow it unindented.
      const kids = depth + 1 < MAX_DEPTH ? writeBlocks(children, depth + 1) : flatten(children);
      if (kids && !own) md = kids;
      else if (kids && depth + 1 >= MAX_DEPTH) md = `${own}\n\n${kids}`;
      else if (kids) md = `${own}${LIST_LINE.test(kids) ? "\n" : "\n\n"}${kids.replace(/^(?=.)/gm, "  ")}`;
    }
    if (!md) continue;
    const isList = LIST_TYPES.has(type);
    out += out ? (previousWasList && isList ? "\n" : "\n\n") + md : md;
    previousWasList = isList;
  }
  return out;
}

/** Deeply nested blocks as plain paragraphs, walked without recursion. */
function flatten(blocks: unknown[]): string {
  const texts: string[] = [];
  const stack = [...blocks].reverse();
  while (stack.length) {
    const b = stack.pop();
    if (!isObject(b)) continue;
    const t = plainText(b.content, 0).trim();
    if (t) texts.push(renderPlain(t));
    if (Array.isArray(b.children)) for (let k = b.children.length - 1; k >= 0; k--) stack.push(b.children[k]);
  }
  return texts.join("\n\n");
}

/**
 * Inline markdown (one block's text) → BlockNote inline items: styled text and links. rich-text-convert.ts
 * splits the blocks, rich-text-render.ts writes items back. Runs once per block on unbounded user text, so
 * every step is linear-ish and hot paths avoid per-call closures (bundlers wrap named ones with keepNames).
 */

export type Style = "bold" | "italic" | "strike";
export const STYLE_ORDER: readonly Style[] = ["bold", "italic", "strike"];

export interface TextItem { type: "text"; text: string; styles: Record<string, true> }
export interface LinkItem { type: "link"; href: string; content: TextItem[] }
export type InlineItem = TextItem | LinkItem;

/** Nesting beyond this is flattened: recursion depth must not follow user input. */
export const MAX_DEPTH = 16;
export const PUNCT = /[!-/:-@[-`{-~]/;
export const ALNUM = /[\p{L}\p{N}]/u;
const WS = /\s/;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

type DelimNode = { kind: "delim"; ch: string; left: number; opens: Style[]; closes: Style[] };
type BracketNode = { kind: "bracket"; href: string | null };
type InlineNode = { kind: "text"; text: string } | { kind: "code"; text: string } | DelimNode | BracketNode | { kind: "linkEnd" };
interface Delim { seq: number; node: DelimNode | null; ch: string; count: number; length: number; canOpen: boolean; canClose: boolean; prev: Delim | null; next: Delim | null }

const SPECIAL = /[\\`*_~[\]]/g;
const HAS_SPECIAL = /[\\`*_~[\]]/;
const TITLE_TAIL = /(?:[ \t]+(?:"[^"\n]{0,512}"|'[^'\n]{0,512}'))?[ \t]*\)/y;
const MAX_URL = 8192;
/** CommonMark's limit on nested parentheses in a bare link destination; it also keeps failed scans short. */
const MAX_PARENS = 32;

const isPunct = (code: number) => (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);

/**
 * A delimiter-run parser in the manner of CommonMark: runs of `*`, `_`, `~~` become a linked list that is
 * matched once the text (or a link's text) is scanned; matched pairs are recorded as style on/off marks on
 * their nodes and resolved by counting in one final pass, so deep nesting costs nothing extra.
 */
export function parseInline(src: string): InlineItem[] {
  if (!HAS_SPECIAL.test(src)) return src ? [{ type: "text", text: src, styles: stylesFor(0) }] : [];
  const nodes: InlineNode[] = [];
  const head: Delim = { seq: -1, node: null, ch: "", count: 0, length: 0, canOpen: false, canClose: false, prev: null, next: null };
  let top = head;
  let seq = 0;
  const brackets: Array<{ node: BracketNode; bottom: Delim }> = [];
  let activeFrom = 0; // brackets below this index may not become links: a link may not contain a link
  let runs: BacktickRuns | null = null;
  let textStart = 0;
  let i = 0;
  for (;;) {
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(src);
    if (!found) break;
    const p = found.index;
    const c = found[0];
    if (c === "\\") {
      const next = src.charCodeAt(p + 1);
      if (isPunct(next) || next === 10) {
        // The escaped character starts the next text run; before a newline (a hard break) the backslash just goes.
        if (p > textStart) nodes.push({ kind: "text", text: src.slice(textStart, p) });
        textStart = p + 1;
        i = p + 2;
      } else i = p + 1;
      continue;
    }
    let e = p + 1;
    if (c === "`") {
      while (src[e] === "`") e++;
      const close = (runs ??= new BacktickRuns(src)).next(e - p, e);
      if (close < 0) {
        i = e;
        continue;
      }
      if (p > textStart) nodes.push({ kind: "text", text: src.slice(textStart, p) });
      let code = src.slice(e, close).replace(/\n/g, " ");
      if (code.length > 1 && code[0] === " " && code.endsWith(" ") && code.trim()) code = code.slice(1, -1);
      nodes.push({ kind: "code", text: code });
      i = textStart = close + (e - p);
      continue;
    }
    if (c === "*" || c === "_" || c === "~") {
      while (src[e] === c) e++;
      const before = p > 0 ? src[p - 1]! : " ";
      const after = e < src.length ? src[e]! : " ";
      // Looser than CommonMark's flanking rules for `*` (only whitespace matters), which our writer relies on.
      let canOpen = !WS.test(after);
      let canClose = !WS.test(before);
      if (c === "_") [canOpen, canClose] = [canOpen && !ALNUM.test(before), canClose && !ALNUM.test(after)];
      if ((c === "~" && e - p !== 2) || (!canOpen && !canClose)) {
        i = e;
        continue;
      }
      if (p > textStart) nodes.push({ kind: "text", text: src.slice(textStart, p) });
      const node: DelimNode = { kind: "delim", ch: c, left: e - p, opens: [], closes: [] };
      nodes.push(node);
      const d: Delim = { seq: seq++, node, ch: c, count: e - p, length: e - p, canOpen, canClose, prev: top, next: null };
      top = top.next = d;
      i = textStart = e;
      continue;
    }
    if (c === "[") {
      if (p > textStart) nodes.push({ kind: "text", text: src.slice(textStart, p) });
      const node: BracketNode = { kind: "bracket", href: null };
      nodes.push(node);
      brackets.push({ node, bottom: top });
      i = textStart = p + 1;
      continue;
    }
    // "]": closes the nearest "[" into a link when a destination follows, else both stay literal.
    const index = brackets.length - 1;
    const opener = brackets.pop();
    const tail = opener && index >= activeFrom ? linkTail(src, p + 1) : null;
    activeFrom = Math.min(activeFrom, brackets.length);
    if (!opener || !tail) {
      i = p + 1;
      continue;
    }
    if (p > textStart) nodes.push({ kind: "text", text: src.slice(textStart, p) });
    opener.node.href = tail.href;
    processEmphasis(opener.bottom); // emphasis may not cross a link's edge
    top = opener.bottom;
    top.next = null;
    nodes.push({ kind: "linkEnd" });
    activeFrom = brackets.length;
    i = textStart = tail.end;
  }
  if (src.length > textStart) nodes.push({ kind: "text", text: src.slice(textStart) });
  processEmphasis(head);
  return inlineItems(nodes);
}

/** Starts of maximal backtick runs by length, read in increasing order: finding a closer never rescans. */
class BacktickRuns {
  private byLength = new Map<number, { at: number[]; next: number }>();
  constructor(src: string) {
    for (const m of src.matchAll(/`+/g)) {
      const list = this.byLength.get(m[0].length) ?? { at: [], next: 0 };
      list.at.push(m.index);
      this.byLength.set(m[0].length, list);
    }
  }
  next(length: number, from: number): number {
    const list = this.byLength.get(length);
    if (!list) return -1;
    while (list.next < list.at.length && list.at[list.next]! < from) list.next++;
    return list.at[list.next] ?? -1;
  }
}

/** `(destination "title")` after a `]`, or null. */
function linkTail(src: string, pos: number): { href: string; end: number } | null {
  if (src[pos] !== "(") return null;
  let i = pos + 1;
  while (src[i] === " " || src[i] === "\t") i++;
  const angle = src[i] === "<";
  if (angle) i++;
  const start = i;
  let escapes = false;
  let depth = 0;
  for (; ; i++) {
    if (i >= src.length || i - start > MAX_URL) return null;
    const c = src.charCodeAt(i);
    if (c === 10) return null;
    if (c === 92 && isPunct(src.charCodeAt(i + 1))) {
      escapes = true;
      i++;
    } else if (angle) {
      if (c === 62) break;
      if (c === 60) return null;
    } else if (c <= 32 || (c === 41 && depth === 0)) break;
    else if (c === 40 && ++depth > MAX_PARENS) return null;
    else if (c === 41) depth--;
  }
  if (depth !== 0) return null;
  const raw = src.slice(start, i);
  TITLE_TAIL.lastIndex = angle ? i + 1 : i;
  if (!TITLE_TAIL.test(src)) return null;
  return { href: escapes ? raw.replace(/\\([!-/:-@[-`{-~])/g, "$1") : raw, end: TITLE_TAIL.lastIndex };
}

/**
 * CommonMark's "rule of 3": a run that can both open and close does not pair with one whose lengths sum to a
 * multiple of 3 (unless both are), so `*a**b***` reads as italic `a`, then bold-italic `b`.
 */
const mayPair = (opener: Delim, closer: Delim) =>
  opener.ch === closer.ch &&
  opener.canOpen &&
  (closer.ch === "~" || !(opener.canClose || closer.canOpen) || (opener.length + closer.length) % 3 !== 0 || (opener.length % 3 === 0 && closer.length % 3 === 0));

function processEmphasis(bottom: Delim): void {
  // Per kind of closer (character, whether it can open, length mod 3, as the rule of 3 depends on them):
  // no opener at or below this seq can match, so failed searches are never repeated.
  const floors = new Map<string, number>();
  let closer = bottom.next;
  while (closer) {
    const next = closer.next;
    if (!closer.canClose) {
      closer = next;
      continue;
    }
    const kind = `${closer.ch}${closer.canOpen}${closer.length % 3}`;
    const floor = Math.max(floors.get(kind) ?? bottom.seq, bottom.seq);
    let opener = closer.prev;
    while (opener && opener.seq > floor && !mayPair(opener, closer)) opener = opener.prev;
    if (opener && opener.seq > floor) {
      const use = closer.ch === "~" || (opener.count >= 2 && closer.count >= 2) ? 2 : 1;
      const style: Style = closer.ch === "~" ? "strike" : use === 2 ? "bold" : "italic";
      opener.node!.opens.push(style);
      closer.node!.closes.push(style);
      opener.node!.left = opener.count -= use;
      closer.node!.left = closer.count -= use;
      // Unmatched delimiters between the pair stay literal text.
      opener.next = closer;
      closer.prev = opener;
      if (opener.count === 0) unlink(opener);
      if (closer.count === 0) {
        unlink(closer);
        closer = next;
      }
    } else {
      floors.set(kind, closer.prev!.seq);
      if (!closer.canOpen) unlink(closer);
      closer = next;
    }
  }
}

function unlink(d: Delim): void {
  d.prev!.next = d.next;
  if (d.next) d.next.prev = d.prev;
}

/**
 * One frozen styles object per combination: a large document has hundreds of thousands of text items, and
 * allocating each its own object dominated conversion time (garbage collection).
 */
const STYLE_OBJECTS = Array.from({ length: 16 }, (_, key) => {
  const styles: Record<string, true> = {};
  STYLE_ORDER.forEach((s, bit) => {
    if (key & (1 << bit)) styles[s] = true;
  });
  if (key & 8) styles.code = true;
  return Object.freeze(styles);
});
const stylesFor = (key: number) => STYLE_OBJECTS[key] as Record<string, true>;

/** Resolves style marks by counting and merges neighbouring text of equal style. */
function inlineItems(nodes: InlineNode[]): InlineItem[] {
  const items: InlineItem[] = [];
  const on: Record<Style, number> = { bold: 0, italic: 0, strike: 0 };
  let link: LinkItem | null = null;
  let lastKey = -1; // style bits of the last text item of `link ?? items`, -1 when there is none
  for (const n of nodes) {
    let text: string;
    let code = false;
    if (n.kind === "text" || n.kind === "code") [text, code] = [n.text, n.kind === "code"];
    else if (n.kind === "delim") {
      // A run closes what it closes, then its unused characters, then what it opens (CommonMark's order).
      for (const s of n.closes) on[s]--;
      text = n.ch.repeat(n.left);
    } else if (n.kind === "linkEnd") {
      [link, lastKey] = [null, -1];
      continue;
    } else if (n.href === null) text = "[";
    else {
      items.push((link = { type: "link", href: n.href, content: [] }));
      lastKey = -1;
      continue;
    }
    if (text) {
      const key = (on.bold > 0 ? 1 : 0) | (on.italic > 0 ? 2 : 0) | (on.strike > 0 ? 4 : 0) | (code ? 8 : 0);
      const into: InlineItem[] = link ? link.content : items;
      if (key === lastKey) (into[into.length - 1] as TextItem).text += text;
      else {
        into.push({ type: "text", text, styles: stylesFor(key) });
        lastKey = key;
      }
    }
    if (n.kind === "delim") for (const s of n.opens) on[s]++;
  }
  return items;
}

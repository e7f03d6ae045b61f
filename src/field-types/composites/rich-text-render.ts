/**
 * BlockNote inline content → markdown text that rich-text-inline.ts parses back to the same items. Content
 * comes from clients, so everything is read defensively: unknown inline types give their plain text.
 */

import { ALNUM, isObject, MAX_DEPTH, PUNCT, STYLE_ORDER, type Style } from "./rich-text-inline.ts";

const MARK: Record<Style, string> = { bold: "**", italic: "*", strike: "~~" };

export type Unit =
  | { kind: "text"; text: string; styles: Style[] }
  | { kind: "code"; text: string; styles: Style[] }
  | { kind: "link"; href: string; styles: Style[]; inner: Unit[] };

export function units(content: unknown, depth: number): Unit[] {
  const list = typeof content === "string" ? [{ type: "text", text: content }] : Array.isArray(content) ? content : [];
  const out: Unit[] = [];
  for (const item of list) {
    if (!isObject(item)) continue;
    let unit: Unit;
    if (item.type === "link" && depth < 4) {
      const inner = units(item.content, depth + 1);
      // Styles every part of the link shares are written around it: `**[a](u)**` rather than `[**a**](u)`.
      const shared = STYLE_ORDER.filter((s) => inner.length && inner.every((u) => u.styles.includes(s)));
      unit = { kind: "link", href: typeof item.href === "string" ? item.href : "", styles: shared, inner };
    } else {
      const styles = isObject(item.styles) ? item.styles : {};
      const text = item.type === "text" && typeof item.text === "string" ? item.text : plainText(item, depth);
      unit = { kind: styles.code === true ? "code" : "text", text, styles: STYLE_ORDER.filter((s) => styles[s] === true) };
    }
    const last = out[out.length - 1];
    if (last && last.kind !== "link" && unit.kind !== "link" && last.kind === unit.kind && last.styles.join() === unit.styles.join()) last.text += unit.text;
    else out.push(unit);
  }
  return out;
}

export function plainText(v: unknown, depth: number): string {
  if (typeof v === "string") return v;
  if (depth > MAX_DEPTH) return "";
  if (Array.isArray(v)) return v.map((x) => plainText(x, depth + 1)).join("");
  if (!isObject(v)) return "";
  if (typeof v.text === "string") return v.text;
  // Table content: rows of cells.
  if (Array.isArray(v.rows)) return v.rows.map((r) => (isObject(r) && Array.isArray(r.cells) ? r.cells.map((c) => plainText(c, depth + 1)).join(" | ") : "")).join("\n");
  return plainText(v.content, depth + 1);
}

export function longestRun(text: string): number {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return longest;
}

const NEEDS_ESCAPE = /[\\*`_~[\]]/;
const LINE_START = /^([ \t]*)(?:(#{1,6}(?=[ \t]|$)|>|[-+](?=[ \t]|$))|(\d{1,9})(?=[.)](?:[ \t]|$)))/gm;

/**
 * Escapes what our parser would read as markup: `_` inside words and a lone `~` stay bare; at the start of a
 * line, block markers (`#`, `>`, `-`, `+`, `1.`) too.
 */
function escapeText(t: string, inLink: boolean, atLineStart: boolean): string {
  // Leading and trailing blanks may be written outside the markers around this text, so characters next to
  // them are treated as at its edges (where `\`, `_` and `~` could join a marker).
  const blankHead = t.length - t.trimStart().length;
  const blankTail = t.trimEnd().length;
  let escaped = !NEEDS_ESCAPE.test(t)
    ? t
    : t.replace(/[\\*`_~[\]]/g, (c, i: number) => {
        const before = i > blankHead ? t[i - 1] : undefined;
        const after = i + 1 < blankTail ? t[i + 1] : undefined;
        if (c === "\\") return after === undefined || after === "\n" || PUNCT.test(after) ? "\\\\" : c;
        if (c === "_") return before && after && ALNUM.test(before) && ALNUM.test(after) ? c : "\\_";
        if (c === "~") return before && after && before !== "~" && after !== "~" ? c : "\\~";
        if (c === "[") return inLink ? "\\[" : c;
        if (c === "]") return inLink || after === "(" ? "\\]" : c;
        return `\\${c}`;
      });
  // `^` matches after every newline; a first line that continues earlier text is skipped by a placeholder.
  if (!atLineStart) escaped = `\u0000${escaped}`;
  escaped = escaped.replace(LINE_START, (_, ws: string, mark?: string, num?: string) => (mark ? `${ws}\\${mark}` : `${ws}${num}\\`));
  return atLineStart ? escaped : escaped.slice(1);
}

function codeSpan(text: string): string {
  const t = text.replace(/\r\n?|\n/g, " ");
  const fence = "`".repeat(longestRun(t) + 1);
  const pad = t[0] === "`" || t.endsWith("`") || (t[0] === " " && t.endsWith(" ") && t.trim()) ? " " : "";
  return fence + pad + t + pad + fence;
}

function linkDestination(href: string): string {
  const h = href.replace(/\n/g, "%0A").replace(/\r/g, "%0D");
  // Bare when our parser reads it back whole: no blanks, angle brackets or backslashes, balanced parentheses.
  let depth = 0;
  for (const c of h) if ((depth += c === "(" ? 1 : c === ")" ? -1 : 0) < 0) break;
  return depth === 0 && /^[^\s<>\\]*$/.test(h) ? h : `<${h.replace(/[\\<>]/g, "\\$&")}>`;
}

/**
 * Writes units with a stack of open markers. A marker is written only just before non-blank text and closed
 * before trailing blanks, so every marker touches text on its inner side and parses back. Styles that last
 * longer open first (outermost), so styles only cross where their runs really overlap.
 */
class InlineWriter {
  private out: string[] = [];
  private stack: Array<{ style: Style; mark: string | null }> = [];
  private wants: Style[][] = [];
  constructor(
    private outer: Style[],
    private inLink: boolean,
    private singleLine: boolean,
  ) {}

  write(list: Unit[]): string {
    const own = list.map((u) => u.styles.filter((s) => !this.outer.includes(s)));
    // Blank text shows no style; giving it only what both neighbours have avoids needless closing and reopening.
    this.wants = own.map((w, i) => (list[i]!.kind === "text" && !list[i]!.text.trim() ? w.filter((s) => own[i - 1]?.includes(s) && own[i + 1]?.includes(s)) : w));
    for (let i = 0; i < list.length; i++) {
      const u = list[i]!;
      this.setStyles(i);
      if (u.kind === "text") {
        const t = escapeText(this.textOf(u), this.inLink, this.atLineStart());
        const lead = /^\s*/.exec(t)![0];
        if (lead) this.out.push(lead);
        if (lead.length < t.length) {
          this.show(list, i);
          this.out.push(t.slice(lead.length));
        }
      } else if (u.kind === "code") {
        if (!u.text) continue;
        this.show(list, i);
        this.out.push(codeSpan(u.text));
      } else {
        this.show(list, i);
        const inner = new InlineWriter([...this.outer, ...u.styles], true, this.singleLine).write(u.inner);
        this.out.push("[", inner, "](", linkDestination(u.href), ")");
      }
    }
    this.wants = [];
    this.setStyles(0);
    return this.out.join("");
  }

  /** Whether only blanks were written since the last line break: those are trimmed away or kept as indentation. */
  private atLineStart(): boolean {
    for (let k = this.out.length - 1; k >= 0; k--) {
      const piece = this.out[k]!;
      const blank = /[^\S\n]*$/.exec(piece)![0];
      if (blank.length < piece.length) return piece[piece.length - blank.length - 1] === "\n";
    }
    return true;
  }

  /** A unit's text as lines are read back: blanks around a line break are trimmed there anyway. */
  private textOf(u: { text: string }): string {
    if (!/[\r\n]/.test(u.text)) return u.text;
    const text = u.text.replace(/[^\S\r\n]*(?:\r\n?|\n)[^\S\r\n]*/g, "\n");
    return this.singleLine ? text.replace(/\n/g, " ") : text;
  }

  /** The first unit after `i` without `style`. */
  private end(i: number, style: Style): number {
    let j = i + 1;
    while (j < this.wants.length && this.wants[j]!.includes(style)) j++;
    return j;
  }

  private boldWithin(from: number, to: number): boolean {
    for (let k = Math.max(from, 0); k <= to && k < this.wants.length; k++) if (this.wants[k]!.includes("bold")) return true;
    return false;
  }

  private setStyles(i: number): void {
    const want = this.wants[i] ?? [];
    const stack = this.stack;
    if (stack.length === want.length && stack.every((e) => want.includes(e.style))) return;
    let k = 0;
    while (k < stack.length && want.includes(stack[k]!.style)) k++;
    const reopen = stack.slice(k).filter((e) => want.includes(e.style));
    for (let j = stack.length - 1; j >= k; j--) if (stack[j]!.mark) this.close(stack[j]!.mark!);
    stack.length = k;
    const opening = [...reopen.map((e) => e.style), ...want.filter((s) => !stack.some((e) => e.style === s) && !reopen.some((e) => e.style === s))];
    const ends = new Map(opening.map((s) => [s, this.end(i, s)]));
    opening.sort((a, b) => ends.get(b)! - ends.get(a)!);
    for (const style of opening) stack.push({ style, mark: null });
  }

  private show(list: Unit[], i: number): void {
    for (const e of this.stack) {
      if (e.mark) continue;
      e.mark = this.markFor(list, i, e.style);
      this.out.push(e.mark);
    }
  }

  /**
   * `**`/`*`, or `__`/`_` where a `*` marker could merge with a neighbouring one into an ambiguous run: next to
   * bold, or when the other style crosses this one's end (`**a *b**` + `*c*` would write `****`). Bold and
   * italic open at once never share a character, nor does a marker with the one just written before it.
   * `_` needs no letter or digit before it, nor right after its closing unless a marker comes between.
   */
  private markFor(list: Unit[], i: number, style: Style): string {
    if (style === "strike") return MARK.strike;
    const last = (this.out[this.out.length - 1] ?? "").slice(-1);
    const j = this.end(i, style);
    const other: Style = style === "bold" ? "italic" : "bold";
    const otherMark = this.stack.find((e) => e.style === other)?.mark;
    const crossing = j < list.length && this.wants[j]!.includes(other) && this.wants[j - 1]!.includes(other) && this.runStart(j - 1, other) > i;
    const near = style === "italic" && this.boldWithin(i - 1, j);
    const wanted = otherMark ? otherMark[0] !== "_" : last === "*" || (last !== "_" && (crossing || near));
    if (!wanted || ALNUM.test(last)) return MARK[style];
    const after = list[j];
    const markerFollows = crossing || (j < list.length && this.wants[j]!.some((s) => !this.wants[j - 1]!.includes(s)));
    const wordFollows = after?.kind === "text" && !markerFollows && ALNUM.test(this.textOf(after)[0] ?? "");
    return wordFollows ? MARK[style] : style === "bold" ? "__" : "_";
  }

  /** Where the run of units with `style` that holds unit `k` starts. */
  private runStart(k: number, style: Style): number {
    while (k > 0 && this.wants[k - 1]!.includes(style)) k--;
    return k;
  }

  /** Closes a marker before the blanks written since the last text, moving them after it. */
  private close(mark: string): void {
    const out = this.out;
    let ws = "";
    while (out.length) {
      const last = out[out.length - 1]!;
      const kept = last.trimEnd();
      ws = last.slice(kept.length) + ws;
      if (kept) {
        out[out.length - 1] = kept;
        break;
      }
      out.pop();
    }
    out.push(mark, ws);
  }
}

/** A block's inline content as markdown; `singleLine` for headings, whose text cannot break lines. */
export function renderInline(content: unknown, singleLine: boolean): string {
  return new InlineWriter([], false, singleLine).write(units(content, 0));
}

/** Plain text written so that it parses back as itself. */
export function renderPlain(text: string): string {
  return new InlineWriter([], false, false).write([{ kind: "text", text, styles: [] }]);
}

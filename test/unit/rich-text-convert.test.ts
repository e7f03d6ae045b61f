import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blocknoteToMarkdown, markdownToBlocknote } from "../../src/field-types/composites/rich-text-convert.ts";

/** RICH_TEXT_V2's markdown ↔ BlockNote converter (spec §1.11): shape, supported syntax, round trips, hostile input. */

type Item = { type: string; text?: string; styles?: Record<string, boolean>; href?: string; content?: Item[] };
type Block = { id: string; type: string; props: Record<string, unknown>; content: Item[]; children: Block[] };

const blocks = (md: string) => markdownToBlocknote(md) as Block[];
const text = (t: string, styles: Record<string, boolean> = {}) => ({ type: "text", text: t, styles });
/** Blocks without ids and default props, to compare structure. */
const shape = (list: Block[]): unknown[] =>
  list.map((b) => {
    const { textColor: _t, backgroundColor: _b, textAlignment: _a, ...props } = b.props;
    return { type: b.type, ...(Object.keys(props).length ? { props } : {}), content: b.content, ...(b.children.length ? { children: shape(b.children) } : {}) };
  });
const roundTrip = (md: string) => blocknoteToMarkdown(markdownToBlocknote(md));

describe("markdown → BlockNote blocks", () => {
  it("writes BlockNote's public block shape: uuid ids, default props, content, children", () => {
    const [heading, para] = blocks("# Title\n\nSome **bold** text");
    expect(heading).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      type: "heading",
      props: { textColor: "default", backgroundColor: "default", textAlignment: "left", level: 1 },
      content: [text("Title")],
      children: [],
    });
    expect(para!.content).toEqual([text("Some "), text("bold", { bold: true }), text(" text")]);
    expect(heading!.id).not.toBe(para!.id);
    const list = blocks("a");
    expect(JSON.parse(JSON.stringify(list))).toEqual(list);
  });

  it("headings # to ###; deeper ones keep their text at level 3; `#tag` is no heading", () => {
    expect(shape(blocks("# a\n## b\n### c\n#### d\n#tag"))).toEqual([
      { type: "heading", props: { level: 1 }, content: [text("a")] },
      { type: "heading", props: { level: 2 }, content: [text("b")] },
      { type: "heading", props: { level: 3 }, content: [text("c")] },
      { type: "heading", props: { level: 3 }, content: [text("d")] },
      { type: "paragraph", content: [text("#tag")] },
    ]);
  });

  it("paragraphs split on blank lines; their lines join with a newline", () => {
    expect(shape(blocks("one\ntwo  \n   three\n\n\n\nfour\r\nfive"))).toEqual([
      { type: "paragraph", content: [text("one\ntwo\nthree")] },
      { type: "paragraph", content: [text("four\nfive")] },
    ]);
  });

  it("bullets (- * +), numbered items, check items, nested children", () => {
    const md = "- a\n* b\n+ c\n1. one\n2) two\n- [ ] todo\n- [x] done\n* [X] DONE\n- parent\n  continued\n  - child\n    1. grandchild";
    expect(shape(blocks(md))).toEqual([
      { type: "bulletListItem", content: [text("a")] },
      { type: "bulletListItem", content: [text("b")] },
      { type: "bulletListItem", content: [text("c")] },
      { type: "numberedListItem", content: [text("one")] },
      { type: "numberedListItem", content: [text("two")] },
      { type: "checkListItem", props: { checked: false }, content: [text("todo")] },
      { type: "checkListItem", props: { checked: true }, content: [text("done")] },
      { type: "checkListItem", props: { checked: true }, content: [text("DONE")] },
      {
        type: "bulletListItem",
        content: [text("parent\ncontinued")],
        children: [{ type: "bulletListItem", content: [text("child")], children: [{ type: "numberedListItem", content: [text("grandchild")] }] }],
      },
    ]);
  });

  it("a list item's indented paragraph after a blank line is its child; an unindented one is not", () => {
    expect(shape(blocks("- item\n\n  inside\n\noutside"))).toEqual([
      { type: "bulletListItem", content: [text("item")], children: [{ type: "paragraph", content: [text("inside")] }] },
      { type: "paragraph", content: [text("outside")] },
    ]);
  });

  it("fenced code keeps its text verbatim, with its language or `text`", () => {
    const [ts, plain, tilde, open] = blocks("```ts\nconst a = **1**;\n\n  # not a heading\n```\n```\nx\n```\n~~~\n```inner```\n~~~\n````\nunclosed");
    expect(ts).toMatchObject({ type: "codeBlock", props: { language: "ts" }, content: [text("const a = **1**;\n\n  # not a heading")] });
    expect(plain).toMatchObject({ props: { language: "text" }, content: [text("x")] });
    expect(tilde).toMatchObject({ content: [text("```inner```")] });
    expect(open).toMatchObject({ type: "codeBlock", content: [text("unclosed")] });
    expect(blocks("```\n```")[0]).toMatchObject({ type: "codeBlock", content: [] });
  });

  it("quotes gather their lines, lazy continuations included", () => {
    expect(shape(blocks("> first\n>second\n>\n> **bold**\nlazy\n\nafter"))).toEqual([
      { type: "quote", content: [text("first\nsecond\n\n"), text("bold", { bold: true }), text("\nlazy")] },
      { type: "paragraph", content: [text("after")] },
    ]);
  });

  it("inline styles: bold, italic, code, strike, links, and their nesting", () => {
    const [p] = blocks("**b** *i* _u_ `c *x*` ~~s~~ ***bi*** **b *bi* b** [l **lb**](https://x.io/a_(b)?q=1 \"title\") __bb__");
    expect(p!.content).toEqual([
      text("b", { bold: true }),
      text(" "),
      text("i", { italic: true }),
      text(" "),
      text("u", { italic: true }),
      text(" "),
      text("c *x*", { code: true }),
      text(" "),
      text("s", { strike: true }),
      text(" "),
      text("bi", { bold: true, italic: true }),
      text(" "),
      text("b ", { bold: true }),
      text("bi", { bold: true, italic: true }),
      text(" b", { bold: true }),
      text(" "),
      { type: "link", href: "https://x.io/a_(b)?q=1", content: [text("l "), text("lb", { bold: true })] },
      text(" "),
      text("bb", { bold: true }),
    ]);
  });

  it("what is not markup stays text: intraword underscores, spaced stars, escapes, bare brackets", () => {
    const [p] = blocks("snake_case_name 2 * 3 a\\*b\\* \\# [x] [y] (z) ~single~ ~~~triple~~~ <b>html</b>");
    expect(p!.content).toEqual([text("snake_case_name 2 * 3 a*b* # [x] [y] (z) ~single~ ~~~triple~~~ <b>html</b>")]);
  });

  it("links: angle destinations, escapes, empty text; no link inside a link", () => {
    const [p] = blocks("[a](<https://x.io/a b>) [b](https://x.io/\\)) [](u) [outer [inner](i)](o)");
    expect(p!.content).toEqual([
      { type: "link", href: "https://x.io/a b", content: [text("a")] },
      text(" "),
      { type: "link", href: "https://x.io/)", content: [text("b")] },
      text(" "),
      { type: "link", href: "u", content: [] },
      text(" [outer "),
      { type: "link", href: "i", content: [text("inner")] },
      text("](o)"),
    ]);
  });

  it("hostile input converts without throwing and keeps its text", () => {
    expect(markdownToBlocknote("")).toEqual([]);
    expect(markdownToBlocknote(" \n\t\n\r\n")).toEqual([]);
    expect(blocks("unclosed **bold and *it")[0]!.content).toEqual([text("unclosed **bold and *it")]);
    expect(blocks("**a *b** c*")[0]!.content.map((i) => i.text).join("").replace(/\*/g, "")).toBe("a b c");
    expect(blocks("[a](unclosed")[0]!.content).toEqual([text("[a](unclosed")]);
    expect(blocks("`` x ` y")[0]!.content).toEqual([text("`` x ` y")]);
    expect(blocks("\\")[0]!.content).toEqual([text("\\")]);
    expect(blocks("-")[0]).toMatchObject({ type: "bulletListItem", content: [] });
    expect(blocks("#")[0]).toMatchObject({ type: "heading", content: [] });
    expect(blocks(">")[0]).toMatchObject({ type: "quote", content: [] });
    expect(blocks("\u0000\uD800 \u{1F600} ok")[0]!.content).toEqual([text("\u0000\uD800 \u{1F600} ok")]);
  });
});

describe("BlockNote blocks → markdown", () => {
  const b = (type: string, content: unknown, extra: Record<string, unknown> = {}) => ({ id: "x", type, props: {}, content, children: [], ...extra });

  it("writes each block type", () => {
    const md = blocknoteToMarkdown([
      b("heading", [text("Title")], { props: { level: 2 } }),
      b("paragraph", [text("Some "), text("bold", { bold: true }), text(" and "), text("code", { code: true })]),
      b("bulletListItem", "plain string content"),
      b("checkListItem", [text("done")], { props: { checked: true } }),
      b("checkListItem", [text("todo")]),
      b("numberedListItem", [text("one")]),
      b("numberedListItem", [text("two")]),
      b("codeBlock", [text("let a = `x`;")], { props: { language: "js" } }),
      b("quote", [text("said\nthis")]),
    ]);
    expect(md).toBe("## Title\n\nSome **bold** and `code`\n\n- plain string content\n- [x] done\n- [ ] todo\n1. one\n2. two\n\n```js\nlet a = `x`;\n```\n\n> said\n> this");
  });

  it("nested children indent two spaces; unknown block types give their plain text", () => {
    const tree = [
      b("bulletListItem", [text("parent")], { children: [b("bulletListItem", [text("child")], { children: [b("numberedListItem", [text("deep")])] }), b("paragraph", [text("para")])] }),
      b("table", { type: "tableContent", rows: [{ cells: [[text("a")], [text("b")]] }, { cells: [[text("c")], [text("d")]] }] }),
      b("image", undefined, { props: { url: "https://x.io/i.png" } }),
      b("mystery", [text("mystery "), { type: "mention", text: "@bob" }, text(" *star*", { italic: true })]),
    ];
    expect(blocknoteToMarkdown(tree)).toBe("- parent\n  - child\n    1. deep\n\n  para\n\na | b\nc | d\n\nmystery @bob \\*star\\*");
  });

  it("styles that span items nest; blanks move outside markers; links carry shared styles outside", () => {
    const md = blocknoteToMarkdown([
      b("paragraph", [
        text("bold ", { bold: true }),
        text("both", { bold: true, italic: true }),
        text(" ", { italic: true }),
        text("gone", { strike: true, underline: true }),
        { type: "link", href: "https://x.io/a b", content: [text("all", { bold: true }), text(" bold", { bold: true })] },
        text(" "),
        { type: "link", href: "u", content: "string link" },
      ]),
    ]);
    expect(md).toBe("**bold _both_** ~~gone~~**[all bold](<https://x.io/a b>)** [string link](u)");
  });

  it("is lenient: a JSON string, one block, junk, empty paragraphs, missing fields", () => {
    expect(blocknoteToMarkdown(JSON.stringify([b("paragraph", [text("json")])]))).toBe("json");
    expect(blocknoteToMarkdown(b("paragraph", [text("single")]))).toBe("single");
    expect(blocknoteToMarkdown([null, 1, "x", [], { type: "paragraph" }, b("paragraph", []), { content: [text("typeless")] }])).toBe("typeless");
    expect(blocknoteToMarkdown("not json")).toBe("");
    expect(blocknoteToMarkdown(null)).toBe("");
    expect(blocknoteToMarkdown([b("heading", [text("h")], { props: { level: "junk" } })])).toBe("# h");
  });

  it("escapes text that would read as markup", () => {
    const md = blocknoteToMarkdown([b("paragraph", [text("# a\n- b\n1. c\n> d\n*e* _f_ snake_case `g` ~~h~~ [i](j) \\k\\")]), b("bulletListItem", [text("[ ] not a box")])]);
    expect(md).toBe("\\# a\n\\- b\n1\\. c\n\\> d\n\\*e\\* \\_f\\_ snake_case \\`g\\` \\~\\~h\\~\\~ [i\\](j) \\k\\\\\n\n- \\[ ] not a box");
    expect(shape(blocks(md))).toEqual([
      { type: "paragraph", content: [text("# a\n- b\n1. c\n> d\n*e* _f_ snake_case `g` ~~h~~ [i](j) \\k\\")] },
      { type: "bulletListItem", content: [text("[ ] not a box")] },
    ]);
  });

  it("survives nesting deeper than it indents", () => {
    let tree: unknown = b("paragraph", [text("leaf")]);
    for (let depth = 0; depth < 5000; depth++) tree = b("bulletListItem", [text(`level ${depth}`)], { children: [tree] });
    const md = blocknoteToMarkdown([tree]);
    expect(md).toContain("leaf");
    expect(md).toContain("level 0");
  });
});

describe("round trips", () => {
  const normalized = [
    "# Title\n\nSome **bold** text",
    "## Two\n\n### Three",
    "para one\nline two\n\npara two",
    "- a\n- b\n  - nested\n    - deeper\n- c",
    "1. one\n2. two\n  continued\n3. three",
    "- [ ] todo\n- [x] done\n  - child",
    "- item\n\n  child paragraph\n- next",
    "```ts\nconst a = 1;\n\nconsole.log(`x`)\n```\n\n````\n```inner fence```\n````",
    "> quoted\n> more\n>\n> after",
    "**bold** *it* `code` ~~strike~~ [link](https://x.io/a_(b)) **_both_** **[bold link](u)**",
    "**b _bi_ b** ~~s **sb**~~ ``a`b`` `` `x` `` *[l](<a b>)* a*b*c**d**",
    "snake_case_name 2*3*4 \\*literal\\* # - a_b\\_",
    "text\n\n- list\n\n> quote\n\n# heading\n\n1. num",
  ];
  it.each(normalized)("normalized markdown comes back unchanged: %j", (md) => {
    expect(roundTrip(md)).toBe(md);
  });

  it("other markdown comes back normalized, and stable from then on", () => {
    expect(roundTrip("#### four\n* star\n+ plus\n3) three\nlazy\n\n_u_ __b__")).toBe("### four\n\n- star\n- plus\n1. three\n  lazy\n\n*u* **b**");
    for (const md of ["* a\n  * b\n\n\n\n  * c", "a  \nb\\\nc", "> a\nlazy", "[x]: y", "***", "**a **b", "\\\\` ` `` \\"]) {
      const once = roundTrip(md);
      expect(roundTrip(once)).toBe(once);
    }
  });

  /** Inline content as its non-blank characters with their styles and link: what a round trip must keep. */
  const canonical = (items: Item[], href = ""): string[] =>
    items.flatMap((i) => {
      if (i.type === "link") return canonical(i.content ?? [], `→${i.href}`);
      const key = Object.keys(i.styles ?? {}).filter((k) => i.styles![k]).sort().join("+") + href;
      return [...(i.text ?? "")].map((c) => (/\s/.test(c) ? " " : `${c}${key}`));
    });
  /** Blank runs count as one blank, and none at either end. */
  const squeeze = (chars: string[]) =>
    chars
      .filter((c, k) => c !== " " || (k > 0 && chars[k - 1] !== " "))
      .join("|")
      .replace(/^ \|?|\|? $/g, "");

  it("random styled text survives blocks → markdown → blocks", () => {
    const char = fc.constantFrom(..."ab \t*_~`[]()#>-+1.\\!<&x", "\n", "é", "\u{1F600}");
    const styles = fc.record({ bold: fc.boolean(), italic: fc.boolean(), strike: fc.boolean(), code: fc.boolean() });
    // Bold and italic change at blanks only: inside a word they can cross in ways markdown cannot write
    // unambiguously (`*a**b*` + `**c**`), so here blank items stand around every bold or italic one.
    const blank = { type: "text", text: " ", styles: {} };
    const spaced = (items: Item[]) => items.flatMap((i) => (i.styles?.bold || i.styles?.italic ? [blank, i, blank] : [i]));
    const textItem = fc.record({ type: fc.constant("text"), text: fc.string({ unit: char, minLength: 1, maxLength: 8 }), styles });
    const link = fc.record({ type: fc.constant("link"), href: fc.string({ unit: fc.constantFrom(..."ab:/()< >\\"), maxLength: 6 }), content: fc.array(textItem, { minLength: 1, maxLength: 3 }) });
    const type = fc.constantFrom("paragraph", "bulletListItem", "numberedListItem", "quote", "heading");
    fc.assert(
      fc.property(type, fc.array(fc.oneof(textItem, textItem, link), { maxLength: 6 }), (blockType, content) => {
        // Blank lines split blocks and line ends are trimmed (also across items); headings and code are one line.
        const clean = (t: Item): Item => {
          const single = t.styles?.code || blockType === "heading";
          return { ...t, text: t.text!.replace(/[ \t]*\n[ \t\n]*/g, single ? " " : "\n").replace(/^\n|\n$/g, " ") };
        };
        const input = spaced(content.map((i) => (i.type === "link" ? { ...i, href: i.href!.trim(), content: spaced(i.content!.map(clean)) } : clean(i))));
        const md = blocknoteToMarkdown([{ type: blockType, props: {}, content: input }]);
        const back = blocks(md);
        const got = back.length ? back[0]!.content : [];
        expect(back.length).toBeLessThanOrEqual(1);
        expect(squeeze(canonical(got))).toBe(squeeze(canonical(input)));
        const once = roundTrip(md);
        expect(roundTrip(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
  it("any markdown is normalized by one round trip and stays so", () => {
    const piece = fc.constantFrom(..."ab *_~`[]()#>-+1.\\!<x\t", "\n", "\n\n", "  ", "- ", "1. ", "```", "> ", "# ", "- [ ] ", "**", "](");
    fc.assert(
      fc.property(fc.string({ unit: piece, maxLength: 40 }), (md) => {
        const once = roundTrip(md);
        expect(roundTrip(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("performance on large and hostile input", () => {
  /** CPU milliseconds (this process): wall time swings with whatever else the machine runs. */
  const timed = <T>(run: () => T): [T, number] => {
    const start = process.cpuUsage();
    const result = run();
    const { user, system } = process.cpuUsage(start);
    return [result, (user + system) / 1000];
  };

  it("a 1 MB document converts both ways in well under a second each", () => {
    const section =
      "## Meeting notes\n\nWe met with **Acme** about the *renewal*; see [the deck](https://example.com/deck) and `ticket-42`.\n" +
      "Next steps were agreed on by everyone present, with owners and dates below.\n\n- [ ] send the quote\n- [x] book the room\n" +
      "- follow up\n  - with legal\n\n1. draft\n2. review\n\n```sql\nselect * from deals where stage = 'won';\n```\n\n> The customer is always right.\n\n";
    const md = section.repeat(Math.ceil(1_000_000 / section.length));
    const [list, toBlocks] = timed(() => markdownToBlocknote(md));
    const [back, toMarkdown] = timed(() => blocknoteToMarkdown(list));
    expect(back.length).toBeGreaterThan(900_000);
    expect(toBlocks).toBeLessThan(1000);
    expect(toMarkdown).toBeLessThan(1000);
  });

  // Quadratic behaviour on 300 KB would take minutes; linear takes milliseconds.
  it.each([
    ["unclosed openers", "**a "],
    ["lone stars", "*"],
    ["underscores", "_a "],
    ["open brackets", "["],
    ["link openers", "[]("],
    ["nested parens", "[](()"],
    ["long unclosed links", "[a](xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
    ["backtick runs", "`` ` "],
    ["escapes", "\\"],
    ["mixed markup", "*_~~`[]()\\"],
    ["fences", "```\n"],
    ["quote markers", ">"],
  ])("%s", (_, unit) => {
    const md = unit.repeat(Math.ceil(300_000 / unit.length));
    const [list, ms] = timed(() => markdownToBlocknote(md));
    expect(ms).toBeLessThan(1500);
    expect(timed(() => blocknoteToMarkdown(list))[1]).toBeLessThan(1500);
  });

  it("deeply indented lists", () => {
    const md = Array.from({ length: 700 }, (_, i) => `${" ".repeat(i)}- a`).join("\n");
    const [list, ms] = timed(() => markdownToBlocknote(md));
    expect(ms).toBeLessThan(1500);
    const count = (l: Block[]): number => l.reduce((n, b) => n + 1 + count(b.children), 0);
    expect(count(list as Block[])).toBe(700);
    // Past the nesting limit, blocks follow their parent unindented.
    expect(blocknoteToMarkdown(list).match(/a/g)).toHaveLength(700);
  });
});

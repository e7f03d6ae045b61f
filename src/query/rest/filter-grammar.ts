import { AppError } from "../../errors/app-error.ts";
import type { FilterNode, FilterOperand } from "../ast.ts";

/**
 * Twenty's REST filter language, as a recursive-descent parser over the raw string:
 *
 *   filter     := list                          (a list at the root is an AND)
 *   list       := expression ("," expression)*
 *   expression := ("and" | "or" | "not") "(" list ")" | condition
 *   condition  := path "[" operator "]" ":" value
 *   path       := name ("." name)*
 *   value      := quoted | "[" (value ("," value)*)? "]" | bare
 *
 * Quoted values use "..." or '...' (a backslash escapes the quote); a bare value runs to the next "," or
 * unbalanced ")". Values stay text: the planner types them per field.
 */
export function parseRestFilter(input: string): FilterNode {
  const parser = new FilterParser(input);
  return parser.parse();
}

const filterError = (message: string) => new AppError(400, "INVALID_FILTER", message);

/** Deeper nesting is refused as a 400 rather than risking the stack. */
const maxNesting = 32;

class FilterParser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  parse(): FilterNode {
    if (this.text.trim() === "") throw filterError("'filter' invalid. The filter is empty. eg: price[gte]:10");
    try {
      const items = this.list();
      this.skipSpaces();
      if (this.pos < this.text.length) throw filterError(`'filter' invalid. Unexpected '${this.text[this.pos]}' at position ${this.pos}`);
      return items.length === 1 ? items[0]! : { kind: "and", children: items };
    } catch (error) {
      // A parse that failed on unbalanced parentheses is reported in Twenty's words.
      this.checkBrackets();
      throw error;
    }
  }

  private enter(): void {
    if (++this.depth > maxNesting) throw filterError(`'filter' invalid. It is nested deeper than ${maxNesting} levels`);
  }

  /** Twenty's wording for unbalanced parentheses, counted outside quoted values. */
  private checkBrackets(): void {
    let depth = 0;
    let missingOpen = 0;
    let quote: string | undefined;
    // A quote opens a quoted value only where a value starts (after ':', '[' or ','): O'Brien stays bare.
    let previous = "";
    for (let i = 0; i < this.text.length; i++) {
      const c = this.text[i]!;
      if (quote) {
        if (c === "\\") i += 1;
        else if (c === quote) quote = undefined;
        continue;
      }
      if ((c === '"' || c === "'") && (previous === ":" || previous === "[" || previous === ",")) quote = c;
      else if (c === "(") depth += 1;
      else if (c === ")") {
        if (depth === 0) missingOpen += 1;
        else depth -= 1;
      }
      if (!/\s/.test(c)) previous = c;
    }
    const plural = (n: number, word: string) => `${n} ${word} bracket${n > 1 ? "s are" : " is"} missing in the query`;
    if (depth > 0) throw filterError(`'filter' invalid. ${plural(depth, "close")}`);
    if (missingOpen > 0) throw filterError(`'filter' invalid. ${plural(missingOpen, "open")}`);
  }

  private list(): FilterNode[] {
    const items = [this.expression()];
    while (this.peek() === ",") {
      this.pos += 1;
      items.push(this.expression());
    }
    return items;
  }

  private expression(): FilterNode {
    this.skipSpaces();
    const conjunction = /^(and|or|not)\s*\(/.exec(this.text.slice(this.pos));
    if (conjunction) {
      this.pos += conjunction[0].length;
      this.enter();
      const children = this.list();
      this.expect(")");
      this.depth -= 1;
      const kind = conjunction[1] as "and" | "or" | "not";
      if (kind !== "not") return { kind, children };
      if (children.length !== 1) {
        throw filterError(`'filter' invalid. 'not' conjunction should contain only 1 condition. eg: not(field[eq]:1)`);
      }
      return { kind: "not", child: children[0]! };
    }
    return this.condition();
  }

  private condition(): FilterNode {
    const start = this.pos;
    const match = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\[([A-Za-z]+)\]\s*:/.exec(this.text.slice(this.pos));
    if (!match) throw filterError(`'filter' invalid for '${this.leafText(start)}'. eg: price[gte]:10`);
    this.pos += match[0].length;
    this.skipSpaces();
    if (this.pos >= this.text.length || this.peek() === "," || this.peek() === ")") {
      throw filterError(`'filter' invalid for '${this.leafText(start)}'. eg: price[gte]:10`);
    }
    const value = this.value();
    return { kind: "condition", path: match[1]!.split("."), operator: match[2]!, value };
  }

  private value(): FilterOperand {
    this.skipSpaces();
    const c = this.text[this.pos];
    if (c === '"' || c === "'") return this.quoted(c);
    if (c === "[") {
      this.pos += 1;
      this.enter();
      const items: FilterOperand[] = [];
      this.skipSpaces();
      if (this.peek() === "]") {
        this.pos += 1;
        this.depth -= 1;
        return items;
      }
      for (;;) {
        items.push(this.value());
        this.skipSpaces();
        const next = this.text[this.pos];
        this.pos += 1;
        if (next === "]") {
          this.depth -= 1;
          return items;
        }
        if (next !== ",") throw filterError(`'filter' invalid. Array values must be separated by ',' and closed by ']'`);
      }
    }
    return this.bare();
  }

  private quoted(quote: string): string {
    this.pos += 1;
    let out = "";
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!;
      if (c === "\\" && this.pos + 1 < this.text.length) {
        out += this.text[this.pos + 1];
        this.pos += 2;
      } else if (c === quote) {
        this.pos += 1;
        return out;
      } else {
        out += c;
        this.pos += 1;
      }
    }
    throw filterError(`'filter' invalid. A quoted value is not closed`);
  }

  private bare(): string {
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!;
      if (c === "(") depth += 1;
      else if (c === ")") {
        if (depth === 0) break;
        depth -= 1;
      } else if ((c === "," || c === "]") && depth === 0) break;
      this.pos += 1;
    }
    if (depth > 0) throw filterError(`'filter' invalid. ${depth} close bracket${depth > 1 ? "s are" : " is"} missing in the query`);
    return this.text.slice(start, this.pos).trim();
  }

  /** The leaf as the caller wrote it, for error messages (or where it was expected, if nothing is there). */
  private leafText(start: number): string {
    const rest = this.text.slice(start);
    const end = rest.search(/[,)]/);
    const leaf = (end === -1 ? rest : rest.slice(0, end)).trim();
    return leaf || `(nothing at position ${start})`;
  }

  private expect(char: string): void {
    this.skipSpaces();
    if (this.text[this.pos] !== char) throw filterError(`'filter' invalid. Expected '${char}' at position ${this.pos}`);
    this.pos += 1;
  }

  private peek(): string | undefined {
    this.skipSpaces();
    return this.text[this.pos];
  }

  private skipSpaces(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos += 1;
  }
}

/** The inverse of the parser, for round-trip tests and error messages: always quotes text values. */
export function printRestFilter(node: FilterNode): string {
  switch (node.kind) {
    case "and":
    case "or":
      return `${node.kind}(${node.children.map(printRestFilter).join(",")})`;
    case "not":
      return `not(${printRestFilter(node.child)})`;
    case "condition":
      return `${node.path.join(".")}[${node.operator}]:${printOperand(node.value)}`;
  }
}

function printOperand(value: FilterOperand): string {
  if (Array.isArray(value)) return `[${value.map(printOperand).join(",")}]`;
  return `"${String(value).replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

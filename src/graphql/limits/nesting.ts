import { Lexer, Source, TokenKind, type GraphQLError } from "graphql";
import { limitError } from "./limit-error.ts";

/**
 * Deepest nesting of `{` and `[` in the text, read with graphql's lexer (iterative, and it knows strings
 * and comments). A lexical error ends the count there; the parser reports it if the count is in bounds.
 */
export function measureNesting(text: string): number {
  const lexer = new Lexer(new Source(text));
  let depth = 0;
  let deepest = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (token.kind === TokenKind.BRACE_L || token.kind === TokenKind.BRACKET_L) deepest = Math.max(deepest, ++depth);
      else if (token.kind === TokenKind.BRACE_R || token.kind === TokenKind.BRACKET_R) depth = Math.max(0, depth - 1);
    }
  } catch {
    // Reported by the parser.
  }
  return deepest;
}

/** graphql-js parses selection sets and list/object values recursively, so a deep enough text overflows its stack. */
export function checkNesting(text: string, max: number): GraphQLError | undefined {
  const nesting = measureNesting(text);
  if (nesting <= max) return undefined;
  return limitError(
    `Query too complex - Nesting of braces and brackets: ${nesting} - Maximum allowed nesting: ${max}`,
    "QUERY_TOO_DEEP",
  );
}

/**
 * What one search input asks for. Full-text queries treat every word as a prefix (`jo` finds "John"), in
 * two forms: all words (ranks `tsRankCD`, the better match) and any word (ranks `tsRank`, so a partial hit
 * still surfaces). `likePatterns` feed the substring fallback on record labels (`ohn` finds "John"), which
 * the tokenised vector cannot answer.
 */
export interface SearchTerms {
  /** True when the trimmed input is empty: every record with a search vector matches. */
  matchAll: boolean;
  /** `'jo':* & 'ma':*`, or '' when no word has a letter or digit. */
  allWords: string;
  /** `'jo':* | 'ma':*`, or ''. */
  anyWord: string;
  /** `%jo%`, `%ma%`: each raw word, LIKE-escaped. Every one must occur in the label. */
  likePatterns: string[];
}

// Characters kept inside a lexeme: those that the `simple` parser turns into tokens of e-mails, hosts,
// phone numbers and hyphenated or apostrophised names. Everything else is tsquery syntax or noise.
const notLexemeChar = /[^\p{L}\p{M}\p{N}@._+'-]/gu;
const hasLexeme = /[\p{L}\p{N}]/u;

/**
 * A word becomes a quoted lexeme, so no input can inject tsquery operators; within quotes only the quote
 * itself needs doubling. Words with no letter or digit would make an empty query (and a server NOTICE).
 */
function prefixLexeme(word: string): string | undefined {
  const kept = word.replace(notLexemeChar, "");
  if (!hasLexeme.test(kept)) return undefined;
  return `'${kept.replaceAll("'", "''")}':*`;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function formatSearchTerms(input: string): SearchTerms {
  const words = input.trim().split(/\s+/u).filter((word) => word !== "");
  const lexemes = words.map(prefixLexeme).filter((lexeme): lexeme is string => lexeme !== undefined);
  return {
    matchAll: words.length === 0,
    allWords: lexemes.join(" & "),
    anyWord: lexemes.join(" | "),
    likePatterns: words.map((word) => `%${escapeLike(word)}%`),
  };
}

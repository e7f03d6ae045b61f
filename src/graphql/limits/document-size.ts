import type { GraphQLError } from "graphql";
import { limitError } from "./limit-error.ts";

/** UTF-8 length without encoding a copy of the text. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
      // A surrogate pair is one 4-byte code point.
      bytes += 4;
      i++;
    } else bytes += 3; // a lone surrogate is encoded as U+FFFD, also 3 bytes
  }
  return bytes;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export function checkDocumentSize(text: string, maxBytes: number): GraphQLError | undefined {
  // Every UTF-16 unit is at least one byte and at most three, so most documents need no count.
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = utf8ByteLength(text);
  if (bytes <= maxBytes) return undefined;
  return limitError(`Query too large - Document size: ${bytes} bytes - Maximum allowed size: ${maxBytes} bytes`, "QUERY_TOO_LARGE");
}

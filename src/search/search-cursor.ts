import { AppError } from "../errors/app-error.ts";
import { isUuid } from "../ids/uuid.ts";

/** A place in the merged result order: the ranks of the last record returned, and that record. */
export interface SearchPosition {
  tsRankCD: number;
  tsRank: number;
  objectNameSingular: string;
  recordId: string;
}

/**
 * Twenty's cursor shape, base64 JSON `{lastRanks: {tsRankCD, tsRank}, lastRecordIdsPerObject: {<object>: <id>}}`.
 * We always name exactly one object, the last record's: together with the ranks that is a position in a
 * total order, so the next page starts right after it even among records of equal rank.
 */
interface CursorJson {
  lastRanks: { tsRankCD: number; tsRank: number };
  lastRecordIdsPerObject: Record<string, string>;
}


const invalidCursor = () => new AppError(400, "INVALID_CURSOR", "Invalid cursor");

// btoa/atob work on Latin-1 strings; going through UTF-8 bytes keeps any object name intact.
function toBase64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(encoded: string): string {
  const binary = atob(encoded);
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeSearchCursor(position: SearchPosition): string {
  const json: CursorJson = {
    lastRanks: { tsRankCD: position.tsRankCD, tsRank: position.tsRank },
    lastRecordIdsPerObject: { [position.objectNameSingular]: position.recordId },
  };
  return toBase64(JSON.stringify(json));
}

// Ranks are Postgres `real`s, never negative: anything else could only have been written by hand.
const isRank = (value: unknown): value is number => typeof value === "number" && value >= 0 && value <= 3.4e38;

export function decodeSearchCursor(cursor: string): SearchPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64(cursor));
  } catch {
    throw invalidCursor();
  }
  const { lastRanks, lastRecordIdsPerObject } = (parsed ?? {}) as Partial<CursorJson>;
  const tsRankCD = lastRanks?.tsRankCD;
  const tsRank = lastRanks?.tsRank;
  if (!isRank(tsRankCD) || !isRank(tsRank)) throw invalidCursor();
  const entries = lastRecordIdsPerObject && typeof lastRecordIdsPerObject === "object" ? Object.entries(lastRecordIdsPerObject) : [];
  const [entry] = entries;
  if (entries.length !== 1 || !isUuid(entry![1])) throw invalidCursor();
  return { tsRankCD: tsRankCD!, tsRank: tsRank!, objectNameSingular: entry![0], recordId: entry![1].toLowerCase() };
}

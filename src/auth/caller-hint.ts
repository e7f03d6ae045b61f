import { BoundedCache } from "../cache/bounded-cache.ts";
import { callerKey, type WorkspaceCaller } from "./caller-row.ts";

/**
 * The last row seen for a caller, per isolate: what the next request of that caller plans with. It is
 * never trusted: the statement that reads the data also reads the caller afresh and runs the data
 * part only if the row's md5 is still `digest` (see `CallerGate`). At most 5,000 callers
 * and ~8 MB of rows (a role's JSON is ~1-4 kB).
 */
export interface CallerHint {
  text: string;
  digest: string;
}

const hints = new BoundedCache<string, CallerHint>(5_000, 8 * 1024 * 1024);

export const callerHint = (caller: WorkspaceCaller): CallerHint | undefined => hints.get(callerKey(caller));

/** Remembers a row that was valid (a refused caller leaves no hint, so its next request takes the full check). */
export function rememberCaller(caller: WorkspaceCaller, hint: CallerHint): void {
  hints.set(callerKey(caller), hint, hint.text.length);
}

export const forgetCaller = (caller: WorkspaceCaller): void => hints.delete(callerKey(caller));

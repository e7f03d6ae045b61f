import { BoundedCache } from "../cache/bounded-cache.ts";
import { callerKey, type WorkspaceCaller } from "./caller-row.ts";

/**
 * The last row seen for a caller, per isolate: what the next request of that caller plans with. It is
 * never trusted: the statement that reads or writes data also reads the caller afresh and runs the data
 * part only if the row's md5 is still `digest` (see `CallerGate`). At most 10,000 callers, ~4 kB each.
 */
export interface CallerHint {
  text: string;
  digest: string;
}

const hints = new BoundedCache<string, CallerHint>(10_000, 40 * 1024 * 1024);

export const callerHint = (caller: WorkspaceCaller): CallerHint | undefined => hints.get(callerKey(caller));

/** Remembers a row that was valid (a refused caller leaves no hint, so its next request takes the full check). */
export function rememberCaller(caller: WorkspaceCaller, hint: CallerHint): void {
  hints.set(callerKey(caller), hint, hint.text.length);
}

export const forgetCaller = (caller: WorkspaceCaller): void => hints.delete(callerKey(caller));

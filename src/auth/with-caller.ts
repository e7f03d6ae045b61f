import type { Db } from "../db/database.ts";
import { CallerGate, type Runner } from "../query/operations/caller-gate.ts";
import type { WorkspaceAuthContext } from "./auth-context.ts";
import { acceptCaller, loadCaller } from "./authenticate.ts";
import { callerHint, type CallerHint } from "./caller-hint.ts";
import { callerRowSql, contextOfRow, type WorkspaceCaller } from "./caller-row.ts";

export interface CallerWork<T> {
  /** Runs once, with the first context the request plans with, before any work (the rate limit). */
  admit(auth: WorkspaceAuthContext): Promise<void>;
  /**
   * The request's work, which may run more than once until it writes: its statements run on `runner`, a
   * write through the gate (`CallerGate.write`) or after its check (`confirmCaller`); no other side effects.
   */
  run(auth: WorkspaceAuthContext, runner: Runner): Promise<T>;
}

/**
 * A request in ONE round trip when the isolate has a hint for the caller: planned with the hint, its
 * statements run through a `CallerGate`, and the answer stands only if a gated statement found the caller
 * exactly as hinted, or once it wrote (a write that found the caller changed wrote nothing). A changed
 * caller is refused as today (its row came with the statement) or re-planned once with its fresh row; a
 * request that ran no gated statement (or no hint) takes the full check first, so every refusal and error
 * is what it was before hints existed.
 */
export async function withCaller<T>(db: Db, caller: WorkspaceCaller, work: CallerWork<T>): Promise<T> {
  let admitted = false;
  const admit = async (auth: WorkspaceAuthContext) => {
    if (admitted) return;
    admitted = true;
    await work.admit(auth);
  };
  let hint = callerHint(caller);
  for (let attempt = 0; hint && attempt < 2; attempt++) {
    const auth = contextOfRow(caller, hint.text);
    await admit(auth);
    const gate = new CallerGate(db, callerRowSql(caller), hint.digest);
    let outcome: { value: T } | { error: unknown };
    try {
      outcome = { value: await work.run(auth, gate) };
    } catch (error) {
      outcome = { error };
    }
    if (gate.settled || (gate.confirmed && !gate.changed)) {
      if ("error" in outcome) throw outcome.error;
      return outcome.value;
    }
    if (!gate.changed) break;
    const fresh = gate.changed;
    acceptCaller(caller, fresh.text && fresh.digest ? (fresh as CallerHint) : undefined);
    hint = callerHint(caller);
  }
  const auth = await loadCaller(db, caller);
  await admit(auth);
  return work.run(auth, db);
}

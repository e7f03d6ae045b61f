import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { pgErrorCode } from "../../db/pg-errors.ts";
import { rowsOf } from "../../db/rows.ts";
import { AppError } from "../../errors/app-error.ts";
import type { WriteGate } from "../sql/write-sql.ts";

/** A caller's row as a gated statement read it (none: the key, member or workspace is gone). */
export interface FreshCaller {
  text: string | null;
  digest: string | null;
}

/**
 * Thrown when a gated statement found the caller changed: its data part did not run (a write wrote
 * nothing). The request that planned it discards its answer (see `withCaller`), so no client sees this;
 * as an AppError it is one the adapters expect, not logged as a failure.
 */
export class CallerChanged extends AppError {
  constructor() {
    super(409, "CALLER_CHANGED", "The caller changed since the statement was planned");
  }
}

/** The `result` text of a statement shaped `SELECT <json>::text AS result` (one row). */
export const resultText = async (db: Db, statement: SQL): Promise<string> => rowsOf<{ result: string }>(await db.execute(statement))[0]!.result;

/** What a write statement is built from: its gate, or none when it runs without one. */
export type GatedStatement = (gate: WriteGate | undefined) => SQL;

/**
 * Runs data statements planned with a caller hint, each as ONE statement that also reads the caller afresh
 * (a CTE) and computes the data only if that row's md5 is still the hint's: the caller check and the data
 * travel together, and a revoked key, a removed member, a changed role or a new metadata version is seen
 * by the very statement that would have used the old one. Once a write ran (or may have), the request's
 * answer stands: later statements run as they would after a check of their own, and nothing is retried.
 */
export class CallerGate {
  /** A gated statement (or a check of its own) found the caller as hinted. */
  confirmed = false;
  /** The caller as a gated statement found it, when it was not as hinted. */
  changed: FreshCaller | undefined;
  /** A write ran or may have: the request must not run again. */
  settled = false;

  constructor(
    readonly db: Db,
    private readonly callerSql: SQL,
    private readonly digest: string,
  ) {}

  /** The `result` text of a statement shaped `SELECT <json>::text AS result` (one row), or CallerChanged. */
  async result(statement: SQL): Promise<string> {
    if (this.settled) return resultText(this.db, statement);
    const rows = rowsOf<FreshCaller & { result: string }>(
      await this.db.execute(sql`WITH caller AS MATERIALIZED (${this.callerSql})
        SELECT c.caller AS text, md5(c.caller) AS digest,
          CASE WHEN md5(c.caller) = ${this.digest} THEN (SELECT d.result FROM (${statement}) d) END AS result
        FROM (SELECT 1) one LEFT JOIN caller c ON true`),
    );
    this.check(rows[0]!);
    return rows[0]!.result;
  }

  /**
   * The `result` text of a write that gates itself (see `WriteGate`), or CallerChanged when it wrote nothing
   * because the caller changed. A statement that failed wrote nothing either, but may have failed because of
   * the gate (a changed caller's insert does) or before it: the caller is then read on its own, so a changed
   * caller is refused or re-planned and a valid one gets its error, as when the check came first.
   */
  async write(build: GatedStatement): Promise<string> {
    if (this.settled) return resultText(this.db, build(undefined));
    let row: FreshCaller & { result: string };
    try {
      row = rowsOf<FreshCaller & { result: string }>(await this.db.execute(build({ caller: this.callerSql, digest: this.digest })))[0]!;
    } catch (error) {
      // Without a SQLSTATE the statement may have committed (a lost answer): never run it again.
      if (!pgErrorCode(error)) this.settled = true;
      else await this.checkAlone();
      throw error;
    }
    this.check(row);
    this.settled = true;
    return row.result;
  }

  /**
   * Before work that does not run through the gate (an interactive transaction): the caller checked on its
   * own statement unless a gated one already confirmed it, exactly as without a hint.
   */
  async confirm(): Promise<void> {
    if (!this.confirmed) await this.checkAlone();
    this.settled = true;
  }

  private async checkAlone(): Promise<void> {
    const rows = rowsOf<FreshCaller>(await this.db.execute(sql`SELECT c.caller AS text, md5(c.caller) AS digest FROM (${this.callerSql}) c`));
    this.check(rows[0] ?? { text: null, digest: null });
  }

  private check(row: FreshCaller): void {
    if (row.digest !== this.digest) {
      this.changed = { text: row.text, digest: row.digest };
      throw new CallerChanged();
    }
    this.confirmed = true;
  }
}

/** Where a request's record statements run: straight on a connection, or through a caller gate. */
export type Runner = Db | CallerGate;

/** The connection under a runner, for statements that need no gate (their answer only feeds a gated one). */
export const dbOf = (runner: Runner): Db => (runner instanceof CallerGate ? runner.db : runner);

/** Readies a runner for work outside it (an interactive transaction): a gate checks its caller first. */
export async function confirmCaller(runner: Runner): Promise<void> {
  if (runner instanceof CallerGate) await runner.confirm();
}

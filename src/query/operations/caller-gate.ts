import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { rowsOf } from "../../db/rows.ts";
import { AppError } from "../../errors/app-error.ts";

/** A caller's row as a gated statement read it (none: the key, member or workspace is gone). */
export interface FreshCaller {
  text: string | null;
  digest: string | null;
}

/**
 * Thrown when a gated statement found the caller changed: its data part did not run. The request that
 * planned it discards its answer (see `withCaller`), so no client sees this; as an AppError it is one the
 * adapters expect, not logged as a failure.
 */
export class CallerChanged extends AppError {
  constructor() {
    super(409, "CALLER_CHANGED", "The caller changed since the statement was planned");
  }
}

/**
 * Runs data statements planned with a caller hint, each as ONE statement that also reads the caller afresh
 * (a CTE) and computes the data only if that row's md5 is still the hint's: the caller check and the data
 * travel together, and a revoked key, a removed member, a changed role or a new metadata version is seen
 * by the very statement that would have used the old one.
 */
export class CallerGate {
  /** A gated statement found the caller as hinted. */
  confirmed = false;
  /** The caller as a gated statement found it, when it was not as hinted. */
  changed: FreshCaller | undefined;

  constructor(
    readonly db: Db,
    private readonly callerSql: SQL,
    private readonly digest: string,
  ) {}

  /** The `result` text of a statement shaped `SELECT <json>::text AS result` (one row), or CallerChanged. */
  async result(statement: SQL): Promise<string> {
    const rows = rowsOf<FreshCaller & { result: string }>(
      await this.db.execute(sql`WITH caller AS MATERIALIZED (${this.callerSql})
        SELECT c.caller AS text, md5(c.caller) AS digest,
          CASE WHEN md5(c.caller) = ${this.digest} THEN (SELECT d.result FROM (${statement}) d) END AS result
        FROM (SELECT 1) one LEFT JOIN caller c ON true`),
    );
    const row = rows[0]!;
    if (row.digest !== this.digest) {
      this.changed = { text: row.text, digest: row.digest };
      throw new CallerChanged();
    }
    this.confirmed = true;
    return row.result;
  }
}

/** Where a read statement runs: straight on a connection, or through a caller gate. */
export type Runner = Db | CallerGate;

/** Drizzle's `execute` answers `{ rows }` on every Postgres driver we use; this reads them typed. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

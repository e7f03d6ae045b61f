/**
 * One holder at a time, FIFO. PGlite is a single Postgres session behind many sockets: two clients whose
 * extended-protocol messages or transactions interleave would share unnamed statements and transaction
 * state. The relay takes this lock for a PGlite target from a client's first message until the server is
 * idle again, which gives each client the session to itself, as separate backends would.
 */
export class ExclusiveLock {
  private tail: Promise<void> = Promise.resolve();

  async acquire(timeoutMs = 30_000): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => held);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        previous,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms for the embedded database (is a transaction left open?)`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      // Giving up must not block the queue: our turn passes as soon as it comes.
      release();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  }
}

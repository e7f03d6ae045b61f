/**
 * Reads the backend side of a Postgres stream for ReadyForQuery messages and reports the transaction status
 * each one carries ('I' idle, 'T' in a transaction, 'E' failed transaction).
 */
export class ReadyWatcher {
  private buffer = Buffer.alloc(0);
  private rawBytes = 0;

  constructor(private readonly onReady: (status: string) => void) {}

  /** The answer to an SSLRequest is one bare byte, not a message. */
  expectRawByte(): void {
    this.rawBytes += 1;
  }

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (this.rawBytes > 0 && this.buffer.length > 0) {
      this.buffer = this.buffer.subarray(1);
      this.rawBytes -= 1;
    }
    while (this.buffer.length >= 5) {
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      if (this.buffer[0] === 0x5a) this.onReady(String.fromCharCode(this.buffer[5]!));
      this.buffer = this.buffer.subarray(1 + length);
    }
  }
}

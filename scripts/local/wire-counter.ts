/**
 * Reads the frontend side of a Postgres wire-protocol stream just far enough to count the statements a
 * client sends (a simple Query or an extended-protocol Execute each count one) and to learn the database it
 * asked for. Tests use the counts to prove that one request runs one statement.
 */
export class WireCounter {
  private buffer = Buffer.alloc(0);
  private started = false;
  database = "";
  statements = 0;
  terminated = false;

  constructor(
    private readonly onStatement: (database: string) => void,
    /** Every frontend message by type; the startup message as "startup". */
    private readonly onMessage: (type: string) => void = () => {},
  ) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        // 80877103 is SSLRequest; the real startup message follows it.
        if (code === 80877103) this.onMessage("ssl");
        else {
          this.started = true;
          this.database = readStartupDatabase(this.buffer.subarray(8, length));
          this.onMessage("startup");
        }
        this.buffer = this.buffer.subarray(length);
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      const type = String.fromCharCode(this.buffer[0]!);
      this.onMessage(type);
      if (type === "Q" || type === "E") {
        this.statements += 1;
        this.onStatement(this.database);
      }
      if (type === "X") this.terminated = true;
      this.buffer = this.buffer.subarray(1 + length);
    }
  }
}

function readStartupDatabase(body: Buffer): string {
  const parts = body.toString("utf8").split("\0");
  let user = "";
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] === "database") return parts[i + 1] ?? "";
    if (parts[i] === "user") user = parts[i + 1] ?? "";
  }
  return user;
}

/** A statement as the client sent it: the SQL and its parameters in text form (null for NULL). */
export interface WireStatement {
  query: string;
  params: Array<string | null>;
}

/**
 * Reads the frontend side of a Postgres wire-protocol stream just far enough to count the statements a
 * client sends (a simple Query or an extended-protocol Execute each count one) and to learn the database it
 * asked for. Tests use the counts to prove that one request runs one statement; the benchmark replays the
 * statements themselves (the SQL of the last Parse with the values of the last Bind, as `pg` sends them).
 */
export class WireCounter {
  private buffer = Buffer.alloc(0);
  started = false;
  private parsed = "";
  private bound: Array<string | null> = [];
  database = "";
  user = "";
  statements = 0;
  terminated = false;

  constructor(
    private readonly onStatement: (database: string, statement: WireStatement) => void,
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
          const startup = readStartup(this.buffer.subarray(8, length));
          this.user = startup.user;
          this.database = startup.database || startup.user;
          this.onMessage("startup");
        }
        this.buffer = this.buffer.subarray(length);
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      const type = String.fromCharCode(this.buffer[0]!);
      const body = this.buffer.subarray(5, 1 + length);
      this.onMessage(type);
      if (type === "P") this.parsed = readParseQuery(body);
      if (type === "B") this.bound = readBindValues(body);
      if (type === "Q" || type === "E") {
        this.statements += 1;
        const statement = type === "Q" ? { query: cString(body, 0).text, params: [] } : { query: this.parsed, params: this.bound };
        this.onStatement(this.database, statement);
      }
      if (type === "X") this.terminated = true;
      this.buffer = this.buffer.subarray(1 + length);
    }
  }
}

function cString(buffer: Buffer, offset: number): { text: string; next: number } {
  const end = buffer.indexOf(0, offset);
  const stop = end === -1 ? buffer.length : end;
  return { text: buffer.toString("utf8", offset, stop), next: stop + 1 };
}

/** Parse: statement name, query, parameter type oids. */
function readParseQuery(body: Buffer): string {
  return cString(body, cString(body, 0).next).text;
}

/** Bind: portal, statement, format codes, then each value as a length (-1 for NULL) and its bytes. */
function readBindValues(body: Buffer): Array<string | null> {
  let offset = cString(body, cString(body, 0).next).next;
  const formats = body.readInt16BE(offset);
  offset += 2 + formats * 2;
  const count = body.readInt16BE(offset);
  offset += 2;
  const values: Array<string | null> = [];
  for (let i = 0; i < count; i++) {
    const length = body.readInt32BE(offset);
    offset += 4;
    if (length < 0) values.push(null);
    else {
      values.push(body.toString("utf8", offset, offset + length));
      offset += length;
    }
  }
  return values;
}

function readStartup(body: Buffer): { user: string; database: string } {
  const parts = body.toString("utf8").split("\0");
  const found = { user: "", database: "" };
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] === "database") found.database = parts[i + 1] ?? "";
    if (parts[i] === "user") found.user = parts[i + 1] ?? "";
  }
  return found;
}

// What a client sends to PostgreSQL, watched through a TCP proxy (tcp-proxy.ts), for
// tests: query budgets (like Django's assertNumQueries) and plan checks. Every
// extended-protocol exchange ends with a Sync message and a simple query is one
// Query message, so counting them counts round trips exactly, whatever the
// driver or Prisma do above it. It also keeps each statement with its bound
// values (Parse gives the SQL, Bind the values in text format), so a test can
// EXPLAIN exactly what a procedure ran and a failing budget can say what was
// sent.
import { startTcpProxy } from './tcp-proxy.ts';

export interface CapturedStatement {
  sql: string;
  /** The bound values as text (null for SQL NULL). */
  params: (string | null)[];
}

export interface WireCounter {
  /** The database URL to connect through the proxy. */
  url: string;
  /** Round trips since the last reset(). */
  roundTrips(): number;
  /**
   * Writes since the last reset() that end an exchange (a Sync or a Query): what the
   * client waits on. Pipelined statements share one write, and so one wait.
   */
  waits(): number;
  /** The statements executed since the last reset(), in order. */
  statements(): CapturedStatement[];
  reset(): void;
  close(): Promise<void>;
}

const cString = (body: Buffer, at: number): [string, number] => {
  const end = body.indexOf(0, at);
  return [body.subarray(at, end).toString(), end + 1];
};

/** Bind: portal\0 statement\0 int16 n formats… int16 n (int32 length, bytes)… */
function boundValues(body: Buffer): { statement: string; params: (string | null)[] } {
  let at = cString(body, 0)[1];
  const [statement, next] = cString(body, at);
  at = next;
  const formats = body.readInt16BE(at);
  const formatOf: number[] = [];
  for (let i = 0; i < formats; i += 1) formatOf.push(body.readInt16BE(at + 2 + 2 * i));
  at += 2 + 2 * formats;
  const count = body.readInt16BE(at);
  at += 2;
  const params: (string | null)[] = [];
  for (let i = 0; i < count; i += 1) {
    const length = body.readInt32BE(at);
    at += 4;
    if (length < 0) {
      params.push(null);
      continue;
    }
    const format = formats === 1 ? formatOf[0] : (formatOf[i] ?? 0);
    // Binary values are kept as a marker: the tests that EXPLAIN a statement bind text only.
    params.push(format === 0 ? body.subarray(at, at + length).toString() : '<binary>');
    at += length;
  }
  return { statement, params };
}

/** Reads frontend messages from a client's byte stream: the untyped startup packet, then typed ones. */
class FrontendParser {
  private buffer = Buffer.alloc(0);
  private started = false;

  constructor(private readonly onMessage: (type: string, body: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        this.buffer = this.buffer.subarray(length);
        // An SSL or GSS encryption request is answered before the real startup packet.
        if (code !== 80877103 && code !== 80877104) this.started = true;
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      const type = String.fromCharCode(this.buffer.readUInt8(0));
      this.onMessage(type, this.buffer.subarray(5, 1 + length));
      this.buffer = this.buffer.subarray(1 + length);
    }
  }
}

export async function startWireCounter(databaseUrl: string): Promise<WireCounter> {
  let roundTrips = 0;
  let waits = 0;
  let captured: CapturedStatement[] = [];
  const proxy = await startTcpProxy(databaseUrl, {
    tap: () => {
      // Prepared statements of this connection, by name ('' is the unnamed one).
      const parsed = new Map<string, string>();
      let exchanges = 0;
      const parser = new FrontendParser((type, body) => {
        if (type === 'S' || type === 'Q') exchanges += 1;
        if (type === 'P') {
          const [name, at] = cString(body, 0);
          parsed.set(name, cString(body, at)[0].trim());
        } else if (type === 'B') {
          const { statement, params } = boundValues(body);
          captured.push({ sql: parsed.get(statement) ?? '', params });
        } else if (type === 'Q') {
          captured.push({ sql: cString(body, 0)[0].trim(), params: [] });
        }
      });
      return (chunk) => {
        exchanges = 0;
        parser.push(chunk);
        roundTrips += exchanges;
        if (exchanges > 0) waits += 1;
      };
    },
  });
  return {
    url: proxy.url,
    roundTrips: () => roundTrips,
    waits: () => waits,
    statements: () => [...captured],
    reset: () => {
      roundTrips = 0;
      waits = 0;
      captured = [];
    },
    close: () => proxy.close(),
  };
}

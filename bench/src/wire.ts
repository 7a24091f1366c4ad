// A TCP proxy between a server and PostgreSQL that reads what the server sends.
// Every extended-protocol exchange ends with a Sync and every simple query is
// one Query message, so their number is the number of round trips (the same on
// every run, unlike a timing). It also keeps each statement's text and text
// parameters, so the bench can EXPLAIN exactly what a procedure ran.
import { createConnection, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

export interface Statement {
  sql: string;
  params: (string | null)[];
}

export interface Capture {
  roundTrips: number;
  statements: Statement[];
}

export interface WireProxy {
  port: number;
  /** Starts a new capture; the returned function ends it. */
  capture(): () => Capture;
  close(): Promise<void>;
}

// Startup-phase requests have no type byte: SSLRequest and GSSENCRequest may precede the StartupMessage.
const SSL_OR_GSS_REQUEST = new Set([80877103, 80877104]);

function cstring(buffer: Buffer, at: number): [string, number] {
  const end = buffer.indexOf(0, at);
  return [buffer.toString('utf8', at, end), end + 1];
}

/** Parses the frontend stream of one connection and reports each message. */
class FrontendReader {
  private pending: Buffer = Buffer.alloc(0);
  private started = false;
  /** Statement name → text, from Parse messages (the unnamed one is ""). */
  private readonly prepared = new Map<string, string>();

  constructor(private readonly onMessage: (type: string, body: Buffer, reader: FrontendReader) => void) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      if (!this.started) {
        if (this.pending.length < 8) return;
        const length = this.pending.readInt32BE(0);
        if (this.pending.length < length) return;
        if (!SSL_OR_GSS_REQUEST.has(this.pending.readInt32BE(4))) this.started = true;
        this.pending = this.pending.subarray(length);
        continue;
      }
      if (this.pending.length < 5) return;
      const length = this.pending.readInt32BE(1);
      if (this.pending.length < 1 + length) return;
      const type = String.fromCharCode(this.pending[0] ?? 0);
      this.onMessage(type, this.pending.subarray(5, 1 + length), this);
      this.pending = this.pending.subarray(1 + length);
    }
  }

  parse(body: Buffer): void {
    const [name, at] = cstring(body, 0);
    const [sql] = cstring(body, at);
    this.prepared.set(name, sql);
  }

  bind(body: Buffer): Statement {
    let [, at] = cstring(body, 0); // portal
    const [statement, next] = cstring(body, at);
    at = next;
    const formats: number[] = [];
    const nFormats = body.readInt16BE(at);
    at += 2;
    for (let i = 0; i < nFormats; i += 1, at += 2) formats.push(body.readInt16BE(at));
    const nParams = body.readInt16BE(at);
    at += 2;
    const params: (string | null)[] = [];
    for (let i = 0; i < nParams; i += 1) {
      const length = body.readInt32BE(at);
      at += 4;
      const binary = (formats.length === 1 ? formats[0] : formats[i]) === 1;
      if (length < 0) params.push(null);
      else
        params.push(
          binary ? `\\x${body.toString('hex', at, at + length)}` : body.toString('utf8', at, at + length),
        );
      if (length > 0) at += length;
    }
    return { sql: this.prepared.get(statement) ?? '', params };
  }
}

export async function startWireProxy(target: { host: string; port: number }): Promise<WireProxy> {
  let current: Capture | null = null;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(target);
    sockets.add(client).add(upstream);
    const reader = new FrontendReader((type, body, self) => {
      if (type === 'P') self.parse(body);
      if (!current) return;
      if (type === 'S' || type === 'Q') current.roundTrips += 1;
      if (type === 'B') current.statements.push(self.bind(body));
      if (type === 'Q')
        current.statements.push({ sql: body.toString('utf8', 0, body.length - 1), params: [] });
    });
    client.on('data', (chunk: Buffer) => {
      reader.push(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    capture() {
      const capture: Capture = { roundTrips: 0, statements: [] };
      current = capture;
      return () => {
        if (current === capture) current = null;
        return capture;
      };
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

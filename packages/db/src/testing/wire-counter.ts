// A TCP proxy in front of PostgreSQL that counts round trips, for query-budget
// tests (like Django's assertNumQueries). Every extended-protocol exchange ends
// with a Sync message and a simple query is one Query message, so counting the
// Syncs and Queries a client sends counts its round trips exactly, whatever the
// driver or Prisma do above it. It also keeps each statement's text, so a
// failing budget can say what was sent.
import { createServer, Socket } from 'node:net';
import type { Server } from 'node:net';

export interface WireCounter {
  /** The database URL to connect through the proxy. */
  url: string;
  /** Round trips since the last reset(). */
  roundTrips(): number;
  /** The statements sent since the last reset(), in order (Parse and Query texts). */
  statements(): string[];
  reset(): void;
  close(): Promise<void>;
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

/** The SQL of a Parse ('P': name\0 sql\0 …) or Query ('Q': sql\0) message. */
function statementText(type: string, body: Buffer): string {
  if (type === 'Q') return body.subarray(0, body.indexOf(0)).toString();
  const nameEnd = body.indexOf(0);
  return body.subarray(nameEnd + 1, body.indexOf(0, nameEnd + 1)).toString();
}

export async function startWireCounter(databaseUrl: string): Promise<WireCounter> {
  const target = new URL(databaseUrl);
  let roundTrips = 0;
  let statements: string[] = [];
  const sockets = new Set<Socket>();

  const proxy: Server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(Number(target.port || 5432), target.hostname);
    const parser = new FrontendParser((type, body) => {
      if (type === 'S' || type === 'Q') roundTrips += 1;
      if (type === 'P' || type === 'Q') statements.push(statementText(type, body).trim());
    });
    client.on('data', (chunk: Buffer) => {
      parser.push(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(target);
  proxied.hostname = '127.0.0.1';
  proxied.port = String((proxy.address() as { port: number }).port);

  return {
    url: proxied.toString(),
    roundTrips: () => roundTrips,
    statements: () => [...statements],
    reset: () => {
      roundTrips = 0;
      statements = [];
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) =>
        proxy.close(() => {
          resolve();
        }),
      );
    },
  };
}

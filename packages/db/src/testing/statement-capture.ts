// A TCP proxy in front of PostgreSQL that keeps every statement a client sends
// with its parameters, so a test can EXPLAIN exactly what a procedure ran
// (Prisma builds the SQL; a test should not guess it). It reads the extended
// protocol's Parse (the SQL) and Bind (the values, in text format) messages.
import { createServer, Socket } from 'node:net';
import type { Server } from 'node:net';

export interface CapturedStatement {
  sql: string;
  /** The bound values as text (null for SQL NULL). */
  params: (string | null)[];
}

export interface StatementCapture {
  /** The database URL to connect through the proxy. */
  url: string;
  /** What was sent since the last reset(), in order. */
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
    if (format !== 0) throw new Error('statement-capture reads text-format parameters only');
    params.push(body.subarray(at, at + length).toString());
    at += length;
  }
  return { statement, params };
}

export async function startStatementCapture(databaseUrl: string): Promise<StatementCapture> {
  const target = new URL(databaseUrl);
  let captured: CapturedStatement[] = [];
  const sockets = new Set<Socket>();

  const proxy: Server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(Number(target.port || 5432), target.hostname);
    const parsed = new Map<string, string>();
    let buffer = Buffer.alloc(0);
    let started = false;
    const read = () => {
      for (;;) {
        if (!started) {
          if (buffer.length < 8 || buffer.length < buffer.readInt32BE(0)) return;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(buffer.readInt32BE(0));
          // An SSL or GSS request is answered before the real startup packet.
          if (code !== 80877103 && code !== 80877104) started = true;
          continue;
        }
        if (buffer.length < 5 || buffer.length < 1 + buffer.readInt32BE(1)) return;
        const type = String.fromCharCode(buffer.readUInt8(0));
        const body = buffer.subarray(5, 1 + buffer.readInt32BE(1));
        buffer = buffer.subarray(1 + buffer.readInt32BE(1));
        if (type === 'P') {
          const [name, at] = cString(body, 0);
          parsed.set(name, cString(body, at)[0]);
        } else if (type === 'B') {
          const { statement, params } = boundValues(body);
          captured.push({ sql: parsed.get(statement) ?? '', params });
        } else if (type === 'Q') {
          captured.push({ sql: cString(body, 0)[0], params: [] });
        }
      }
    };
    client.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      read();
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
    statements: () => [...captured],
    reset: () => {
      captured = [];
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => {
        proxy.close(() => {
          resolve();
        });
      });
    },
  };
}

// A TCP proxy in front of PostgreSQL, for tests: a test can cut and restore it,
// standing in for the network (cutting makes the database unreachable and breaks
// the open connections without touching the shared server), and can watch what
// clients send through it (wire-counter.ts).
import { createServer, Socket } from 'node:net';
import type { Server } from 'node:net';

export interface TcpProxy {
  /** The database URL through the proxy. */
  url: string;
  /** Breaks every open connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export interface TcpProxyOptions {
  /** Called once per client connection; what it returns sees every chunk that client sends. */
  tap?: () => (chunk: Buffer) => void;
}

export async function startTcpProxy(databaseUrl: string, { tap }: TcpProxyOptions = {}): Promise<TcpProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  const listen = (port: number) =>
    new Promise<Server>((resolve) => {
      const server = createServer((client) => {
        const upstream = new Socket();
        upstream.connect(Number(target.port || 5432), target.hostname);
        const watch = tap?.();
        client.on('data', (chunk: Buffer) => {
          watch?.(chunk);
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
      server.listen(port, '127.0.0.1', () => {
        resolve(server);
      });
    });
  let server: Server | null = await listen(0);
  const port = (server.address() as { port: number }).port;
  const stop = async () => {
    const closing = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (closing)
      await new Promise<void>((resolve) =>
        closing.close(() => {
          resolve();
        }),
      );
  };
  const proxied = new URL(target);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(port);
  return {
    url: proxied.toString(),
    cut: stop,
    restore: async () => {
      server ??= await listen(port);
    },
    close: stop,
  };
}

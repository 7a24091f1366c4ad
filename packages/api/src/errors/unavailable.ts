// Whether an error means the database is out of reach for now (down,
// restarting, unreachable, out of connections, or the pool had none free in
// time), rather than anything about the request. Such a call gets 503 with
// Retry-After, never 500: the client may simply try again.
//
// Prisma reports these as its own codes, and its driver adapters as a cause
// `kind` (or PostgreSQL's SQLSTATE under `kind: 'postgres'`), nested at
// several depths depending on where the failure happened; all are looked at.

/** Prisma's codes for a database it cannot reach or a pool or transaction that timed out. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);

/** Driver adapter error kinds that say the connection, not the query, failed. */
const ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'TooManyConnections',
  'SocketTimeout',
  'TransactionAlreadyClosed',
]);

/** SQLSTATEs of a server going away or refusing connections, and of a statement_timeout. */
function unavailableState(code: string): boolean {
  return (
    code.startsWith('08') || // connection exception
    ['57P01', '57P02', '57P03', '53300', '57014'].includes(code) // shutdown, crash, starting, too many, timeout
  );
}

/** Socket-level failures the pg driver throws as plain errors. */
const SOCKET_MESSAGE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 6) return false;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (typeof e.code === 'string' && PRISMA_CODES.has(e.code)) return true;
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  if (e.kind === 'postgres' && typeof e.originalCode === 'string' && unavailableState(e.originalCode))
    return true;
  if (typeof e.message === 'string' && SOCKET_MESSAGE.test(e.message)) return true;
  return (
    isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1)
  );
}

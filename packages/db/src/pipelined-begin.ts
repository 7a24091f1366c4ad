// BEGIN without a round trip of its own. Every tenant call is a transaction
// whose first statement binds it to a tenant (tenant.ts), and Prisma's pg
// adapter sends BEGIN and waits for its answer before it sends that statement.
// On a connection in pg's pipeline mode, BEGIN is written and its answer left
// to arrive behind the next statement's: the two go out in one write and cost
// one wait, and the next statement's result is handed over only once BEGIN has
// succeeded (a failed BEGIN fails that statement with BEGIN's own error).
import type pg from 'pg';

interface Corkable {
  cork(): void;
  uncork(): void;
}

/** A finished BEGIN's result, as pg reports it. */
const BEGUN = { command: 'BEGIN', rowCount: null, rows: [], fields: [], oid: 0 };

/** `BEGIN` as text, or as a config without values or a callback (Prisma's pg adapter sends that). */
function isBegin(config: unknown, rest: unknown[]): boolean {
  if (rest.length > 0) return false;
  if (typeof config === 'string') return config === 'BEGIN';
  if (config === null || typeof config !== 'object') return false;
  const { text, values, callback } = config as { text?: unknown; values?: unknown[]; callback?: unknown };
  return text === 'BEGIN' && (values === undefined || values.length === 0) && callback === undefined;
}

/**
 * Makes a pooled client of a `pipeline: true` pool answer BEGIN at once. Call it
 * from the pool's 'connect' event, once per client.
 */
export function pipelineBegin(client: pg.PoolClient): void {
  if (!client.pipeline) throw new Error('pipelineBegin needs a pool opened with pipeline: true');
  const stream = (client as unknown as { connection: { stream: Corkable } }).connection.stream;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let begun: Promise<unknown> | null = null;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest) => {
    if (isBegin(config, rest)) {
      // Held back until the statement that follows is written beside it, or until
      // the next turn of the event loop if none comes.
      stream.cork();
      setImmediate(() => {
        stream.uncork();
      });
      begun = query(config) as Promise<unknown>;
      begun.catch(() => undefined); // read by the next statement
      return Promise.resolve(BEGUN);
    }
    const result = query(config, ...rest);
    if (begun === null || !(result instanceof Promise)) return result;
    const beginning = begun;
    begun = null;
    result.catch(() => undefined); // BEGIN's error, if any, is the one to report
    return beginning.then(() => result);
  };
}

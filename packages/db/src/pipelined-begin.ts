// BEGIN without a round trip of its own. Every tenant call is a transaction
// whose first statement binds it to a tenant (tenant.ts), and Prisma's pg
// adapter sends BEGIN and waits for its answer before it sends that statement.
// On a connection in pg's pipeline mode, BEGIN is answered at once and written
// together with the statement after it: one write and one wait for the two.
// The next statement's result is handed over only once BEGIN has succeeded (a
// failed BEGIN fails that statement with BEGIN's own error).
//
// Inside a tenant call (tenant-call.ts), the statement written with BEGIN is
// the call's opening statement, sent from here rather than through Prisma: the
// call reads its rows without a Prisma query of its own.
import type pg from 'pg';

import { toDriverError } from './driver-errors.ts';
import { tenantCalls } from './tenant-call.ts';
import type { TenantCall } from './tenant-call.ts';

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

const ignore = () => undefined;

/** pg's client.query, whichever of its forms. */
type Query = (...args: unknown[]) => unknown;

/** Sends the call's opening statement behind BEGIN; its rows, or BEGIN's or its own error. */
function openCall(query: Query, beginning: Promise<unknown>, call: TenantCall): Promise<unknown[]> {
  const { text, values } = call.opening;
  const opening = query({ text, values }) as Promise<pg.QueryResult>;
  opening.catch(ignore); // BEGIN's error, if any, is the one to report
  const rows = beginning
    .then(() => opening)
    .then(
      (result): unknown[] => result.rows as unknown[],
      (error: unknown) => {
        throw toDriverError(error);
      },
    );
  rows.catch(ignore); // read by the call, unless its transaction failed first
  return rows;
}

/**
 * Makes a pooled client of a `pipeline: true` pool answer BEGIN at once. Call it
 * from the pool's 'connect' event, once per client.
 */
export function pipelineBegin(client: pg.PoolClient): void {
  if (!client.pipeline) throw new Error('pipelineBegin needs a pool opened with pipeline: true');
  const stream = (client as unknown as { connection: { stream: Corkable } }).connection.stream;
  const query = client.query.bind(client) as Query;
  let begun: Promise<unknown> | null = null;
  (client as unknown as { query: Query }).query = (config: unknown, ...rest) => {
    if (isBegin(config, rest)) {
      // Held back until the statement that follows is written beside it, or until
      // the next turn of the event loop if none comes.
      stream.cork();
      setImmediate(() => {
        stream.uncork();
      });
      const beginning = query(config) as Promise<unknown>;
      beginning.catch(ignore); // read by the statement that follows
      const call = tenantCalls.getStore();
      if (call && !call.opened) call.opened = openCall(query, beginning, call);
      else begun = beginning;
      return Promise.resolve(BEGUN);
    }
    const result = query(config, ...rest);
    if (begun === null || !(result instanceof Promise)) return result;
    const beginning = begun;
    begun = null;
    result.catch(ignore); // BEGIN's error, if any, is the one to report
    return beginning.then(() => result);
  };
}

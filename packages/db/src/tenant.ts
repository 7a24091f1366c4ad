// The tenant-bound client: layer 2 of the isolation design (DESIGN §2).
// scopeToTenant() rewrites every model query so it can only read or write one
// tenant's rows; withTenant() also runs the work in one transaction that sets
// app.tenant_id, which row-level security (layer 3) checks.
import type { Db } from './client.ts';
import type { ITXClientDenyList } from '@prisma/client/runtime/client';

import { Prisma } from './generated/client.ts';
import { tenantCalls } from './tenant-call.ts';
import type { TenantCall } from './tenant-call.ts';
import { tenantKeyOf } from './tenancy.ts';

const READS_BY_FILTER = new Set([
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'updateMany',
  'updateManyAndReturn',
  'deleteMany',
]);
const READS_BY_UNIQUE = new Set(['findUnique', 'findUniqueOrThrow', 'update', 'delete', 'upsert']);
const CREATES = new Set(['create', 'createMany', 'createManyAndReturn']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TenantScopeError extends Error {
  override name = 'TenantScopeError';
}

type Args = Record<string, unknown>;
type Data = Record<string, unknown>;

function assertTenantId(tenantId: unknown): asserts tenantId is string {
  if (typeof tenantId !== 'string' || !UUID.test(tenantId)) {
    throw new TenantScopeError('a tenant-bound client needs a tenant id (a UUID)');
  }
}

function scopeWhere(where: unknown, key: string, tenantId: string): Data {
  if (where === undefined) return { [key]: tenantId };
  return { AND: [where, { [key]: tenantId }] };
}

// A unique where must keep its unique fields at the top level; the tenant goes
// into AND beside them.
function scopeUniqueWhere(where: unknown, key: string, tenantId: string): Data {
  if (where === null || typeof where !== 'object') {
    throw new TenantScopeError('a unique lookup needs a where object');
  }
  const w = where as Data;
  const and: unknown[] = w.AND === undefined ? [] : Array.isArray(w.AND) ? (w.AND as unknown[]) : [w.AND];
  return { ...w, AND: [...and, { [key]: tenantId }] };
}

function stampCreate(model: string, data: unknown, key: string, tenantId: string): Data {
  if (data === null || typeof data !== 'object') {
    throw new TenantScopeError(`${model}: create needs a data object`);
  }
  const d = data as Data;
  if ('tenant' in d) throw new TenantScopeError(`${model}: set the tenant through tenantId only`);
  if (key in d && d[key] !== tenantId) {
    throw new TenantScopeError(`${model}: cannot create a row for another tenant`);
  }
  return { ...d, [key]: tenantId };
}

function checkUpdate(model: string, data: unknown, key: string): void {
  if (data !== null && typeof data === 'object' && (key in data || 'tenant' in data)) {
    throw new TenantScopeError(`${model}: the tenant of a row cannot be changed`);
  }
}

/** Rewrites one model operation's arguments so it touches only `tenantId`'s rows. */
export function scopeArgs(model: string, operation: string, args: Args, tenantId: string): Args {
  // Tenant-owned models come from the schema (tenancy.ts); any other model is refused.
  const key = tenantKeyOf(model);
  if (key === null) {
    throw new TenantScopeError(`${model} is not reachable through a tenant-bound client`);
  }
  if (READS_BY_FILTER.has(operation)) {
    if ('data' in args) checkUpdate(model, args.data, key);
    return { ...args, where: scopeWhere(args.where, key, tenantId) };
  }
  if (READS_BY_UNIQUE.has(operation)) {
    if ('data' in args) checkUpdate(model, args.data, key);
    if ('update' in args) checkUpdate(model, args.update, key);
    const scoped: Args = { ...args, where: scopeUniqueWhere(args.where, key, tenantId) };
    if (operation === 'upsert') scoped.create = stampCreate(model, args.create, key, tenantId);
    return scoped;
  }
  if (CREATES.has(operation)) {
    const data = Array.isArray(args.data)
      ? args.data.map((d: unknown) => stampCreate(model, d, key, tenantId))
      : stampCreate(model, args.data, key, tenantId);
    return { ...args, data };
  }
  // Deny by default: an operation Prisma adds later is refused until it is scoped here.
  throw new TenantScopeError(`${model}.${operation} is not supported by a tenant-bound client`);
}

/**
 * A client whose model queries can only reach one tenant's rows. The tenant is
 * an id, or a function that returns it once it is known (see withTenantOf).
 */
export function scopeToTenant(db: Db, tenant: string | (() => string)) {
  if (typeof tenant !== 'function') assertTenantId(tenant);
  const tenantOf = typeof tenant === 'function' ? tenant : () => tenant;
  return db.$extends({
    name: 'tenant-scope',
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(model, operation, args, tenantOf()));
        },
      },
    },
  });
}

export type ScopedDb = ReturnType<typeof scopeToTenant>;
/** The tenant-bound client handed to withTenant()'s callback. */
export type TenantDb = Omit<ScopedDb, ITXClientDenyList>;

export interface TenantTransactionOptions {
  maxWait?: number;
  timeout?: number;
}

/**
 * Runs `fn` in one transaction bound to `tenantId`: app.tenant_id is set for
 * row-level security first, and every model query is scoped by the client.
 */
export function withTenant<T>(
  db: Db,
  tenantId: string,
  fn: (tx: TenantDb) => Promise<T>,
  options?: TenantTransactionOptions,
): Promise<T> {
  assertTenantId(tenantId);
  return withTenantOf(
    db,
    {
      statement: Prisma.sql`select set_config('app.tenant_id', ${tenantId}, true)`,
      read: () => ({ tenantId, value: undefined }),
    },
    (tx) => fn(tx),
    options,
  );
}

/** What a bind step found: the tenant it bound the transaction to, and anything else the work needs. */
export interface Bound<B> {
  tenantId: string;
  value: B;
}

const tenantBoundClients = new WeakMap<Db, ScopedDb>();

/**
 * The one tenant-bound client of a Db, which scopes each query to the tenant of
 * the call that sent it (tenant-call.ts), and refuses a query sent outside any
 * call: building a client per call costs more than the call's own query.
 */
function tenantBoundClient(db: Db): ScopedDb {
  let client = tenantBoundClients.get(db);
  if (!client) {
    client = scopeToTenant(db, () => {
      const tenantId = tenantCalls.getStore()?.tenantId;
      if (!tenantId) throw new TenantScopeError('no tenant is bound to this transaction yet');
      return tenantId;
    });
    tenantBoundClients.set(db, client);
  }
  return client;
}

/** How a tenant call binds its transaction: one statement, and what its rows say. */
export interface TenantBinding<B> {
  /**
   * Runs first in the transaction, and must set app.tenant_id to the tenant that
   * read() returns, in the same statement that finds it. On PostgreSQL it is
   * written together with BEGIN (pipelined-begin.ts), so binding costs no round
   * trip of its own; on PGlite it is the transaction's first query.
   */
  statement: Prisma.Sql;
  /** The tenant the rows bound the transaction to, and anything else the work needs; throws to refuse. */
  read(rows: unknown[]): Bound<B>;
}

/**
 * Like withTenant, for a tenant that the transaction itself finds out with its
 * first statement (the binding); model queries are refused until it has
 * answered. A failed call rolls back.
 */
export async function withTenantOf<B, T>(
  db: Db,
  binding: TenantBinding<B>,
  fn: (tx: TenantDb, bound: B) => Promise<T>,
  options?: TenantTransactionOptions,
): Promise<T> {
  const { text, values } = binding.statement;
  const call: TenantCall = { tenantId: null, opening: { text, values }, opened: null };
  return tenantCalls.run(call, () =>
    tenantBoundClient(db).$transaction(async (tx) => {
      const rows = await (call.opened ?? tx.$queryRaw<unknown[]>(binding.statement));
      const bound = binding.read(rows);
      assertTenantId(bound.tenantId);
      call.tenantId = bound.tenantId;
      return fn(tx, bound.value);
    }, options),
  );
}

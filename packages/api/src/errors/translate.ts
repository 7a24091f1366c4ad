// Errors on their way out: AppErrors become their tRPC code, and the database
// errors a request can cause become AppErrors first, without leaking
// constraint names. Anything else stays unexpected (null).
import { Prisma } from '@tenantry/db';
import { TRPCError } from '@trpc/server';

import { AppError, notFound } from './catalog.ts';
import type { AppErrorCode } from './catalog.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

/** Unique constraints a request can hit, by the name Prisma gives them, and what they mean. */
const UNIQUE: Record<string, AppErrorCode> = {
  users_email_key: 'EMAIL_TAKEN',
  sites_tenant_id_name_key: 'SITE_NAME_TAKEN',
  buildings_tenant_id_site_id_name_key: 'BUILDING_NAME_TAKEN',
  assets_tenant_id_tag_key: 'ASSET_TAG_TAKEN',
  users_one_owner_per_tenant: 'OWNERSHIP_CHANGED',
};

/**
 * Foreign keys a request can hit, by name: what is missing when an insert or
 * update points at no row, and what still uses a row a delete would remove.
 * Services write without looking first and let these answer.
 */
const FOREIGN: Record<string, { parent: string; inUse: AppErrorCode }> = {
  buildings_tenant_id_site_id_fkey: { parent: 'Site', inUse: 'SITE_HAS_BUILDINGS' },
  assets_tenant_id_building_id_fkey: { parent: 'Building', inUse: 'BUILDING_HAS_ASSETS' },
};

/**
 * The database's own invariant checks (migration *_owner_seat_invariants):
 * check_violation raised by a trigger whose message opens with its name. The
 * services check first under a lock, so reaching one means a write that
 * skipped the lock, or a change that raced it.
 */
const CHECKS: Record<string, AppErrorCode> = {
  tenant_organisations_seats_cover_members: 'SEATS_EXHAUSTED',
  tenant_organisations_owner_is_owner: 'CONCURRENT_CHANGE',
};

interface AdapterCause {
  originalCode?: string;
  originalMessage?: string;
  constraint?: { index?: string };
}

const adapterCause = (error: Prisma.PrismaClientKnownRequestError) =>
  (error.meta?.driverAdapterError as { cause?: AdapterCause } | undefined)?.cause;

/**
 * The unique or foreign key constraint a Prisma error reports, by name:
 * adapter-pg names it; PGlite's adapter only in the message.
 */
export function constraintOf(error: unknown): string | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const cause = adapterCause(error);
  return (
    cause?.constraint?.index ??
    /(?:unique|foreign key) constraint "([^"]+)"/.exec(cause?.originalMessage ?? '')?.[1]
  );
}

/** The named invariant check a database error reports, if it is one (a statement's or a commit's). */
function checkOf(error: unknown): AppErrorCode | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as {
    name?: unknown;
    cause?: AdapterCause;
    meta?: { driverAdapterError?: { cause?: AdapterCause } };
  };
  const cause = e.meta?.driverAdapterError?.cause ?? (e.name === 'DriverAdapterError' ? e.cause : undefined);
  if (cause?.originalCode !== '23514') return null;
  const name = /^(\w+):/.exec(cause.originalMessage ?? '')?.[1];
  return (name && CHECKS[name]) || null;
}

// A foreign key refused the write. On an insert or update (the message says
// "insert or update") the parent is not there; otherwise it is a delete of a
// row others still point at.
function fromForeignKey(error: Prisma.PrismaClientKnownRequestError): AppError {
  const foreign = FOREIGN[constraintOf(error) ?? ''];
  if (/^insert or update/.test(adapterCause(error)?.originalMessage ?? '')) {
    return foreign ? notFound(foreign.parent) : new AppError('NOT_FOUND');
  }
  return new AppError(foreign?.inUse ?? 'STILL_IN_USE');
}

function fromPrisma(error: Prisma.PrismaClientKnownRequestError): AppError | null {
  switch (error.code) {
    case 'P2002':
      return new AppError(UNIQUE[constraintOf(error) ?? ''] ?? 'ALREADY_EXISTS');
    case 'P2025': {
      // An update or delete of a row that is not there (or is another tenant's): its model names it.
      const model = error.meta?.modelName;
      return typeof model === 'string' ? notFound(model) : new AppError('NOT_FOUND');
    }
    case 'P2003':
      return fromForeignKey(error);
    case 'P2039':
      // PostgreSQL 17 (PGlite) reports a delete refused by ON DELETE RESTRICT
      // as 23001, which Prisma passes on as a plain database error.
      return adapterCause(error)?.originalCode === '23001' ? fromForeignKey(error) : null;
    case 'P2034':
      return new AppError('CONCURRENT_CHANGE');
    default:
      return null;
  }
}

export function toTRPCError(error: unknown): TRPCError | null {
  if (error instanceof TRPCError) return error;
  const check = checkOf(error);
  const appError = check
    ? new AppError(check)
    : error instanceof AppError
      ? error
      : isDatabaseUnavailable(error)
        ? new AppError('DATABASE_UNAVAILABLE')
        : error instanceof Prisma.PrismaClientKnownRequestError
          ? fromPrisma(error)
          : null;
  return appError
    ? new TRPCError({ code: appError.trpcCode, message: appError.message, cause: appError })
    : null;
}

// Errors on their way out: AppErrors become their tRPC code, and the database
// errors a request can cause become AppErrors first, without leaking
// constraint names. Anything else stays unexpected (null).
import { Prisma } from '@tenantry/db';
import { TRPCError } from '@trpc/server';

import { AppError } from './catalog.ts';
import type { AppErrorCode } from './catalog.ts';

/** Unique constraints a request can hit, by the name Prisma gives them, and what they mean. */
const UNIQUE: Record<string, AppErrorCode> = {
  users_email_key: 'EMAIL_TAKEN',
  sites_tenant_id_name_key: 'SITE_NAME_TAKEN',
  buildings_tenant_id_site_id_name_key: 'BUILDING_NAME_TAKEN',
  assets_tenant_id_tag_key: 'ASSET_TAG_TAKEN',
};

interface AdapterCause {
  originalMessage?: string;
  constraint?: { index?: string };
}

/** The violated constraint's name: adapter-pg names it; PGlite's adapter only in the message. */
function constraintOf(error: Prisma.PrismaClientKnownRequestError): string | undefined {
  const cause = (error.meta?.driverAdapterError as { cause?: AdapterCause } | undefined)?.cause;
  return cause?.constraint?.index ?? /unique constraint "([^"]+)"/.exec(cause?.originalMessage ?? '')?.[1];
}

// P2003 on a create means a parent is missing, which services check first;
// what reaches here is a delete of a row others still point at.
function fromPrisma(error: Prisma.PrismaClientKnownRequestError): AppError | null {
  switch (error.code) {
    case 'P2002':
      return new AppError(UNIQUE[constraintOf(error) ?? ''] ?? 'ALREADY_EXISTS');
    case 'P2025':
      return new AppError('NOT_FOUND');
    case 'P2003':
      return new AppError('STILL_IN_USE');
    case 'P2034':
      return new AppError('CONCURRENT_CHANGE');
    default:
      return null;
  }
}

export function toTRPCError(error: unknown): TRPCError | null {
  if (error instanceof TRPCError) return error;
  const appError =
    error instanceof Prisma.PrismaClientKnownRequestError
      ? fromPrisma(error)
      : error instanceof AppError
        ? error
        : null;
  return appError
    ? new TRPCError({ code: appError.trpcCode, message: appError.message, cause: appError })
    : null;
}

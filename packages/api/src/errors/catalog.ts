// Domain code throws AppError; one table maps its codes to tRPC's. Database
// errors are translated here too, without leaking constraint names.
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

export type AppErrorCode = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

const TO_TRPC = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
} as const satisfies Record<AppErrorCode, TRPC_ERROR_CODE_KEY>;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

// Prisma's known request errors, by code. P2003 on a create means a parent is
// missing, which routers check first; what reaches here is a delete of a row
// others still point at.
const PRISMA: Record<string, { code: TRPC_ERROR_CODE_KEY; message: string }> = {
  P2002: { code: 'CONFLICT', message: 'Something with these values already exists.' },
  P2025: { code: 'NOT_FOUND', message: 'Not found.' },
  P2003: { code: 'CONFLICT', message: 'It is still in use by other records.' },
  P2034: { code: 'CONFLICT', message: 'A concurrent change got in the way; please retry.' },
};

/** Translates a domain or database error; anything else stays unexpected (null). */
export function toTRPCError(error: unknown): TRPCError | null {
  if (error instanceof TRPCError) return error;
  if (error instanceof AppError) {
    return new TRPCError({ code: TO_TRPC[error.code], message: error.message });
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(PRISMA, code)) {
    const mapped = PRISMA[code];
    if (mapped) return new TRPCError({ ...mapped, cause: error });
  }
  return null;
}

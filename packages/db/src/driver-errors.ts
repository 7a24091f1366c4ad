// PostgreSQL's errors as the driver adapters report them to Prisma, for the
// statements this package sends past Prisma's adapters: callers then tell a
// database that went away (503) or a constraint from a bug the same way
// whichever path a statement took.
import { DriverAdapterError } from '@prisma/driver-adapter-utils';

interface PostgresError {
  code: string;
  severity: string;
  message: string;
  detail?: string;
  column?: string;
  hint?: string;
}

export function isPostgresError(error: unknown): error is PostgresError {
  const e = error as Partial<PostgresError> | null;
  return typeof e?.code === 'string' && typeof e.severity === 'string' && typeof e.message === 'string';
}

/** A PostgreSQL error in the adapters' shape; anything else (a broken socket) as it is. */
export function toDriverError(error: unknown): unknown {
  if (!isPostgresError(error)) return error;
  const { code, severity, message, detail, column, hint } = error;
  return new DriverAdapterError({
    kind: 'postgres',
    code,
    severity,
    message,
    detail,
    column,
    hint,
    originalCode: code,
    originalMessage: message,
  });
}

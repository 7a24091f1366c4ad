/** A failure the user can act on; the CLI prints its message as one line. */
export class DbError extends Error {
  override name = 'DbError';
}

// Driver and engine messages that mean "the server is not there".
const UNREACHABLE =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|Connection terminated|timeout exceeded when trying to connect|Can't reach database/i;

// The schema engine's errors open with a generic line ("external connector
// error") and put the database's own message on the next one.
const GENERIC = /^(external connector error|error in connector)/i;

function firstLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const useful = lines.find((l) => !GENERIC.test(l)) ?? lines[0];
  return useful ?? 'unknown error';
}

/** Turns a driver or engine failure into a DbError with a one-line message. */
export function toDbError(error: unknown): DbError {
  if (error instanceof DbError) return error;
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e.message === 'string' && e.message ? e.message : String(error);
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNREACHABLE.test(`${code} ${message}`)) {
    return new DbError(`cannot reach the database: ${firstLine(message)}`);
  }
  return new DbError(firstLine(message));
}

/** For `.catch(explain)`: rethrows any failure as a DbError. */
export function explain(error: unknown): never {
  throw toDbError(error);
}

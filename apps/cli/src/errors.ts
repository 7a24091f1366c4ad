import { TenantryError } from '@tenantry/client';

/** A failure with a message for the user; the CLI prints it and exits 1. */
export class CliError extends Error {
  override name = 'CliError';
}

const HINTS: Record<string, string> = {
  UNAUTHORIZED: ' (is the API key revoked or expired? run `tenantry login` again)',
  NETWORK_ERROR: ' (is the server running, and is the URL right?)',
};

export function describe(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof TenantryError) return `${error.code}: ${error.message}${HINTS[error.code] ?? ''}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

// Reading tRPC errors: the code drives behaviour, the message is shown as is.
import { TRPCClientError } from '@trpc/client';

/** A tRPC error code such as UNAUTHORIZED, NOT_FOUND or CONFLICT. */
export type ErrorCode = string;

interface ErrorData {
  code?: string;
  zodError?: { fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | null;
  /** The API's error code (its catalog) and the input field the error concerns, if any. */
  appCode?: string | null;
  field?: string | null;
}

function dataOf(error: unknown): ErrorData | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  return (error as TRPCClientError<never> & { data?: ErrorData }).data;
}

export function errorCode(error: unknown): ErrorCode | undefined {
  return dataOf(error)?.code;
}

/** The error's message per input field: zod's, or the one field a catalog error names (a taken tag). */
export function fieldErrors(error: unknown): Record<string, string> {
  const data = dataOf(error);
  const found: Record<string, string> = {};
  for (const [field, messages] of Object.entries(data?.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) found[field] = messages[0];
  }
  if (data?.field && error instanceof Error && error.message) found[data.field] ??= error.message;
  return found;
}

/** The message to show: the server's own, except raw zod issue dumps. */
export function errorMessage(error: unknown): string {
  const zodError = dataOf(error)?.zodError;
  if (zodError) {
    const [field, message] = Object.entries(fieldErrors(error))[0] ?? [];
    if (field && message) return `Check the highlighted fields (${field} ${message}).`;
    return zodError.formErrors?.[0] ?? 'The request was not valid.';
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}

// Reading tRPC errors: the code drives behaviour; the message is the server's own, except where
// there was no answer to read (the network, a proxy's error page), which gets words of ours.
import { TRPCClientError } from '@trpc/client';

/** A tRPC error code such as UNAUTHORIZED, NOT_FOUND or CONFLICT. */
export type ErrorCode = string;

interface ErrorData {
  code?: string;
  httpStatus?: number;
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

/** The API's own code from its catalog (SEATS_EXHAUSTED, SESSION_ROLE_CHANGED…), if it sent one. */
export function appErrorCode(error: unknown): string | undefined {
  return dataOf(error)?.appCode ?? undefined;
}

export const NETWORK_MESSAGE =
  "Can't reach Tenantry. Check your connection; this page catches up by itself once it is back.";
export const UNAVAILABLE_MESSAGE = 'Tenantry is not answering right now. It will try again by itself.';

/** No answer from the API at all: refused, reset, offline, or a body that is not the API's. */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof TRPCClientError) return dataOf(error) === undefined;
  // fetch's own failure ("Failed to fetch"), from the calls outside tRPC (sign-in).
  return error instanceof TypeError;
}

function unavailable(error: unknown): boolean {
  const data = dataOf(error);
  return data?.code === 'SERVICE_UNAVAILABLE' || [502, 503, 504].includes(data?.httpStatus ?? 0);
}

/** Worth trying again by itself: no answer, or the server said it is briefly unavailable. */
export function isTransient(error: unknown): boolean {
  return isNetworkError(error) || unavailable(error);
}

/** The request itself was refused (4xx): asking again gets the same answer. */
export function isClientError(error: unknown): boolean {
  const status = dataOf(error)?.httpStatus ?? 0;
  return status >= 400 && status < 500;
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

/** The message to show: the server's own, except raw zod issue dumps and failures with no answer. */
export function errorMessage(error: unknown): string {
  if (isNetworkError(error)) return NETWORK_MESSAGE;
  // The API words its own 503 for people ("briefly unavailable. Nothing was changed…").
  if (unavailable(error))
    return error instanceof Error && error.message ? error.message : UNAVAILABLE_MESSAGE;
  const zodError = dataOf(error)?.zodError;
  if (zodError) {
    const [field, message] = Object.entries(fieldErrors(error))[0] ?? [];
    if (field && message) return `Check the highlighted fields (${field} ${message}).`;
    return zodError.formErrors?.[0] ?? 'The request was not valid.';
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}

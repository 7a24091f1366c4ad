import type { AppErrorCode, AppRouter } from '@tenantry/api';
import { TRPCClientError } from '@trpc/client';

/**
 * The one error every call of a Tenantry client throws: the tRPC code
 * (`UNAUTHORIZED`, `NOT_FOUND`, `BAD_REQUEST` …, or `NETWORK_ERROR` when the
 * server was not reached), the server's message, the API's own error code
 * (`appCode`: `ASSET_TAG_TAKEN`, `SEATS_EXHAUSTED` …) with the input field it
 * concerns, and zod's field errors.
 */
export class TenantryError extends TRPCClientError<AppRouter> {
  override name = 'TenantryError';
  readonly code: string;
  readonly status: number | undefined;
  /** The API's error code from its catalog, or null for errors outside it (validation, network). */
  readonly appCode: AppErrorCode | null;
  /** The input field the error concerns, if it concerns one. */
  readonly field: string | null;
  readonly fieldErrors: Record<string, string[] | undefined>;
  readonly formErrors: string[];

  constructor(error: TRPCClientError<AppRouter>) {
    super(error.message, {
      ...(error.shape ? { result: { error: error.shape } } : {}),
      cause: error,
      ...(error.meta ? { meta: error.meta } : {}),
    });
    // TRPCClientError pins its own prototype; restore ours so `instanceof TenantryError` holds.
    Object.setPrototypeOf(this, new.target.prototype);
    this.code = error.data?.code ?? 'NETWORK_ERROR';
    this.status = error.data?.httpStatus;
    this.appCode = error.data?.appCode ?? null;
    this.field = error.data?.field ?? null;
    this.fieldErrors = error.data?.zodError?.fieldErrors ?? {};
    this.formErrors = error.data?.zodError?.formErrors ?? [];
    // A validation failure's raw message is zod's JSON; say it in one readable line instead.
    const fields = Object.entries(this.fieldErrors).map(
      ([field, errors]) => `${field} ${errors?.join(', ') ?? ''}`,
    );
    if (this.code === 'BAD_REQUEST' && (fields.length || this.formErrors.length)) {
      this.message = [...this.formErrors, ...fields].join('; ');
    }
  }
}

/** A TRPCClientError as a TenantryError; anything else unchanged. */
export function toTenantryError(error: unknown): unknown {
  if (error instanceof TenantryError || !(error instanceof TRPCClientError)) return error;
  return new TenantryError(error as TRPCClientError<AppRouter>);
}

import type { AppRouter } from '@tenantry/api';
import { TRPCClientError } from '@trpc/client';

/** For `rejects.toSatisfy`: the call failed with this tRPC error code. */
export const withCode = (code: string) => (error: unknown) =>
  error instanceof TRPCClientError && (error as TRPCClientError<AppRouter>).data?.code === code;

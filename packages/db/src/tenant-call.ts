// The tenant call in progress (withTenantOf, tenant.ts), carried through its
// async work: the tenant it is bound to, for the one tenant-bound client each
// Db gets, and the statement that binds it, which pipelined-begin.ts sends in
// the same write as the call's BEGIN.
import { AsyncLocalStorage } from 'node:async_hooks';

interface OpeningStatement {
  /** SQL with $1… placeholders. */
  text: string;
  values: unknown[];
}

export interface TenantCall {
  /** The tenant the call is bound to, once its opening statement has answered. */
  tenantId: string | null;
  /** The statement that binds the call's transaction, run right after its BEGIN. */
  opening: OpeningStatement;
  /** Its rows, when the driver sent it with BEGIN; otherwise the call runs it itself. */
  opened: Promise<unknown[]> | null;
}

export const tenantCalls = new AsyncLocalStorage<TenantCall>();

// Who is signed in, and what their role lets the UI offer. The server enforces
// every rule again; this only hides what would be refused.
import { atLeast as outranks } from '@tenantry/api/roles';
import { useQuery } from '@tanstack/react-query';

import type { RouterOutputs } from '../trpc.ts';
import { useTRPC } from '../trpc.ts';

export type Role = RouterOutputs['organization']['current']['me']['role'];

/** Whether a role (unknown while loading: no) reaches `needed`. */
export function atLeast(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && outranks(role, needed);
}

export function useCurrent() {
  const trpc = useTRPC();
  return useQuery(trpc.organization.current.queryOptions());
}

export function useRole(): Role | undefined {
  return useCurrent().data?.me.role;
}

export function useIsAdmin(): boolean {
  return atLeast(useRole(), 'ADMIN');
}

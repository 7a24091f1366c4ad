// Who is signed in, and what their role lets the UI offer. The server enforces
// every rule again; this only hides what would be refused.
import { useQuery } from '@tanstack/react-query';

import { useTRPC } from '../trpc.ts';

export type Role = 'OWNER' | 'ADMIN' | 'MEMBER';
const RANK: Record<Role, number> = { MEMBER: 1, ADMIN: 2, OWNER: 3 };

export function atLeast(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && RANK[role] >= RANK[needed];
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

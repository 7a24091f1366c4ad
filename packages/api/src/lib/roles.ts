// Who outranks whom. Browser-safe (`@tenantry/api/roles`): the dashboard hides
// what a role cannot do with the same ranking the server enforces.
import type { Role } from '@tenantry/db/enums';

const RANK: Record<Role, number> = { MEMBER: 1, ADMIN: 2, OWNER: 3 };

export function atLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

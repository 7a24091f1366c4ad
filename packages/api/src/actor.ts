// Who is acting in a tenant call: the user behind a session or an API key,
// with their tenant and organization. One statement (tenantry_bind_actor, see
// its migration) checks the credential, binds the transaction to its tenant
// for row-level security and returns all of it.
import { Prisma } from '@tenantry/db';
import type { Bound, Plan, Role, TenantBinding, TenantStatus } from '@tenantry/db';

import type { Principal } from './credentials.ts';
import { AppError } from './errors/catalog.ts';
import { atLeast } from './lib/roles.ts';

export interface Actor {
  tenant: { id: string; status: TenantStatus };
  organization: { id: string; name: string; plan: Plan; seats: number; ownerId: string };
  user: { id: string; email: string; name: string; role: Role };
  /** Set when the call came with an API key; `user` is then the key's creator, at the key's role. */
  apiKey: { id: string } | null;
}

/** A session that a role change or a deactivation ended (lib/session.ts) says which. */
const ENDED: Record<string, AppError['code']> = {
  role_changed: 'SESSION_ROLE_CHANGED',
  deactivated: 'ACCOUNT_DEACTIVATED',
};

interface Row {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  is_active: boolean;
  tenant_id: string;
  tenant_status: TenantStatus;
  org_id: string;
  org_name: string;
  plan: Plan;
  seats: number;
  owner_id: string;
  key_id: string | null;
  key_role: Role | null;
  key_usable: boolean | null;
  session_ended: string | null;
}

function statementOf(principal: Principal): Prisma.Sql {
  const [sessionToken, keyTenant, keyHash] =
    principal.kind === 'session'
      ? [principal.token, null, null]
      : [null, principal.tenantId, principal.keyHash];
  return Prisma.sql`
    select * from tenantry_bind_actor(${sessionToken}::text, ${keyTenant}::uuid, ${keyHash}::text)`;
}

/** Who is acting, from the binding's row; refuses a dead credential. */
function actorOf(principal: Principal, row: Row | undefined): Bound<Actor> {
  const ended = row?.session_ended ? ENDED[row.session_ended] : undefined;
  if (ended) throw new AppError(ended);
  if (!row || (principal.kind === 'apiKey' && !row.key_usable)) {
    throw new AppError('SESSION_INVALID');
  }
  if (!row.is_active) {
    throw new AppError('ACCOUNT_DEACTIVATED');
  }
  if (row.tenant_status !== 'ACTIVE') {
    throw new AppError('ORGANIZATION_SUSPENDED');
  }
  // A key acts at its own role, never above its creator's current one.
  const role = row.key_role && !atLeast(row.key_role, row.role) ? row.key_role : row.role;
  const actor: Actor = {
    tenant: { id: row.tenant_id, status: row.tenant_status },
    organization: {
      id: row.org_id,
      name: row.org_name,
      plan: row.plan,
      seats: row.seats,
      ownerId: row.owner_id,
    },
    user: { id: row.user_id, email: row.email, name: row.name, role },
    apiKey: row.key_id ? { id: row.key_id } : null,
  };
  return { tenantId: row.tenant_id, value: actor };
}

/** Binds a tenant call's transaction to the principal's tenant, and says who is acting. */
export function bindActor(principal: Principal): TenantBinding<Actor> {
  return {
    statement: statementOf(principal),
    read: (rows) => actorOf(principal, rows[0] as Row | undefined),
  };
}

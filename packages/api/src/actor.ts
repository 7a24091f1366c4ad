// Who is acting inside a tenant transaction: the user behind a session or an
// API key, with their tenant and organization, in one query. RLS is already
// bound to the principal's tenant, so a principal pointing elsewhere finds
// nothing.
import type { Plan, Role, TenantDb, TenantStatus } from '@tenantry/db';

import type { Principal } from './context.ts';
import { AppError } from './errors/catalog.ts';
import { atLeast } from './lib/roles.ts';

export interface Actor {
  tenant: { id: string; status: TenantStatus };
  organization: { id: string; name: string; plan: Plan; seats: number; ownerId: string };
  user: { id: string; email: string; name: string; role: Role };
  /** Set when the call came with an API key; `user` is then the key's creator, at the key's role. */
  apiKey: { id: string } | null;
}

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
}

const SELECT = `
  select u.id as user_id, u.email, u.name, u.role, u.is_active,
         t.id as tenant_id, t.status as tenant_status,
         o.id as org_id, o.name as org_name, o.plan, o.seats, o.owner_id`;
const JOINS = `
    join tenants t on t.id = u.tenant_id
    join tenant_organisations o on o.tenant_id = u.tenant_id`;

async function load(tx: TenantDb, principal: Principal): Promise<Row | undefined> {
  if (principal.kind === 'session') {
    const rows = await tx.$queryRawUnsafe<Row[]>(
      `${SELECT}, null as key_id, null as key_role, null as key_usable
         from users u ${JOINS}
        where u.id = $1::uuid`,
      principal.userId,
    );
    return rows[0];
  }
  const rows = await tx.$queryRawUnsafe<Row[]>(
    `${SELECT}, k.id as key_id, k.role as key_role,
            (k.revoked_at is null and (k.expires_at is null or k.expires_at > now())) as key_usable
       from api_keys k
       join users u on u.tenant_id = k.tenant_id and u.id = k.created_by_id ${JOINS}
      where k.key_hash = $1`,
    principal.keyHash,
  );
  return rows[0];
}

export async function resolveActor(tx: TenantDb, principal: Principal): Promise<Actor> {
  const row = await load(tx, principal);
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
  if (row.key_id) {
    await tx.$executeRaw`update api_keys set last_used_at = now()
      where id = ${row.key_id}::uuid and (last_used_at is null or last_used_at < now() - interval '1 minute')`;
  }
  return {
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
}

// Seats (Organization.seats) bound the active members. Checks lock the
// organization row first, so concurrent accepts and reactivations serialize
// and can never exceed the limit together.
import type { TenantDb } from '@tenantry/db';

import { AppError } from './errors.ts';

export function activeMembers(db: TenantDb): Promise<number> {
  return db.user.count({ where: { isActive: true } });
}

export async function assertSeatAvailable(db: TenantDb, tenantId: string): Promise<void> {
  const [row] = await db.$queryRaw<{ seats: number }[]>`
    select seats from tenant_organisations where tenant_id = ${tenantId}::uuid for update`;
  const seats = row?.seats ?? 0;
  if ((await activeMembers(db)) >= seats) {
    throw new AppError('CONFLICT', `All ${seats} seats are taken. Add seats or deactivate a member first.`);
  }
}

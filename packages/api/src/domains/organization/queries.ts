// Organization lookups other domains may call, seats among them. Seat checks
// lock the organization row first, so concurrent accepts and reactivations
// serialize and can never exceed the limit together.
import type { Prisma, TenantDb } from '@tenantry/db';

import { AppError, notFound } from '../../errors/catalog.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';

export const organizationSelect = {
  id: true,
  name: true,
  plan: true,
  seats: true,
  billingEmail: true,
  ownerId: true,
  createdAt: true,
} satisfies Prisma.OrganizationSelect;

export async function currentOrganization(ctx: TenantContext) {
  const organization = await ctx.db.organization.findFirst({ select: organizationSelect });
  if (!organization) throw notFound('Organization');
  return organization;
}

export function activeMembers(db: TenantDb): Promise<number> {
  return db.user.count({ where: { isActive: true } });
}

export async function assertSeatAvailable(db: TenantDb, tenantId: string): Promise<void> {
  const [row] = await db.$queryRaw<{ seats: number }[]>`
    select seats from tenant_organisations where tenant_id = ${tenantId}::uuid for update`;
  const seats = row?.seats ?? 0;
  if ((await activeMembers(db)) >= seats) {
    throw new AppError(
      'SEATS_EXHAUSTED',
      `All ${seats} seats are taken. Add seats or deactivate a member first.`,
    );
  }
}

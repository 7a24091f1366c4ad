// Organization lookups other domains may call, seats among them.
//
// Seats (docs/ARCHITECTURE.md, "Seats and pending invitations"): a pending
// invitation holds a seat, so active members + pending invitations ≤ seats is
// kept wherever seats are spent (invitation.create, member.reactivate) or
// lowered (organization.update), and accepting an invitation only turns its
// held seat into a member. Every such write, and every change of who owns the
// tenant, locks the organization row first: parallel writers of one tenant
// then run one after the other. The database holds the hard part on its own
// (migration *_owner_seat_invariants): active members never exceed seats.
import type { Prisma, TenantDb } from '@tenantry/db';

import { AppError, notFound } from '../../errors/catalog.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';
import { statusFilter } from '../invitation/queries.ts';

export const organizationSelect = {
  id: true,
  name: true,
  plan: true,
  seats: true,
  billingEmail: true,
  ownerId: true,
  createdAt: true,
} satisfies Prisma.OrganizationSelect;

/** The organization with what holds its seats (active members, pending invitations), in one statement. */
export async function currentOrganizationWithSeats(ctx: TenantContext, now = new Date()) {
  const row = await ctx.db.organization.findFirst({
    select: { ...organizationSelect, tenant: { select: { _count: seatCounts(now) } } },
  });
  if (!row) throw notFound('Organization');
  const { tenant, ...organization } = row;
  return { ...organization, seatsUsed: tenant._count.users, seatsPending: tenant._count.invitations };
}

export function activeMembers(db: TenantDb): Promise<number> {
  return db.user.count({ where: { isActive: true } });
}

export interface LockedOrganization {
  seats: number;
  ownerId: string;
}

/**
 * Locks the tenant's organization row until the transaction ends and returns
 * its seats and owner. Read anything that the lock protects (members,
 * invitations, roles) in later statements: in READ COMMITTED each statement
 * sees what was committed before it began, so a count taken in the same
 * statement as a lock that had to wait would be stale.
 */
export async function lockOrganization(db: TenantDb, tenantId: string): Promise<LockedOrganization> {
  // Reviewed raw SQL: Prisma has no SELECT … FOR UPDATE. The tenant is bound
  // twice: by the parameter, and by RLS on the transaction's app.tenant_id.
  const [row] = await db.$queryRaw<{ seats: number; owner_id: string }[]>`
    select seats, owner_id from tenant_organisations where tenant_id = ${tenantId}::uuid for update`;
  if (!row) throw notFound('Organization');
  return { seats: row.seats, ownerId: row.owner_id };
}

export interface SeatUsage {
  active: number;
  pending: number;
}

/** The tenant's `_count` of what holds a seat: active members, and pending invitations. */
export const seatCounts = (now: Date) => ({
  select: { users: { where: { isActive: true } }, invitations: { where: statusFilter('pending', now) } },
});

/** Seats in use under the lock, counted in one statement. */
export async function seatUsage(db: TenantDb, now = new Date()): Promise<SeatUsage> {
  const { _count } = await db.tenant.findFirstOrThrow({ select: { _count: seatCounts(now) } });
  return { active: _count.users, pending: _count.invitations };
}

/**
 * For a write that takes a new seat (an invitation, a reactivation), with the
 * usage read under the lock the caller holds: refuses when active members and
 * pending invitations already fill every seat.
 */
export function assertSeatFree(locked: LockedOrganization, { active, pending }: SeatUsage): void {
  const { seats } = locked;
  if (active + pending >= seats) {
    throw new AppError(
      'SEATS_EXHAUSTED',
      pending
        ? `All ${seats} seats are taken: ${active} by members, ${pending} by pending invitations. Add seats, or revoke an invitation or deactivate a member first.`
        : `All ${seats} seats are taken. Add seats or deactivate a member first.`,
    );
  }
}

/**
 * For accepting an invitation, under the lock the caller holds: the
 * invitation's own seat becomes the member's. Only the hard limit is checked
 * (invitations issued before seats went down may outnumber the seats left).
 */
export async function assertSeatForMember(db: TenantDb, locked: LockedOrganization): Promise<void> {
  if ((await activeMembers(db)) >= locked.seats) {
    throw new AppError(
      'SEATS_EXHAUSTED',
      `All ${locked.seats} seats are taken. Ask an administrator to add seats.`,
    );
  }
}

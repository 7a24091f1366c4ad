import type { Prisma, TenantDb } from '@tenantry/db';

import type { TListInvitationsInput } from './schemas.ts';

export const invitationSelect = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  createdAt: true,
  invitedBy: { select: { id: true, name: true } },
} satisfies Prisma.InvitationSelect;

export function statusFilter(
  status: TListInvitationsInput['status'],
  now: Date,
): Prisma.InvitationWhereInput {
  switch (status) {
    case 'pending':
      return { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
    case 'accepted':
      return { acceptedAt: { not: null } };
    case 'revoked':
      return { revokedAt: { not: null } };
    case 'expired':
      return { acceptedAt: null, revokedAt: null, expiresAt: { lte: now } };
    case 'all':
      return {};
  }
}

/** Invitations that still hold a seat: neither accepted, revoked nor expired. */
export function pendingInvitations(db: TenantDb, now: Date): Promise<number> {
  return db.invitation.count({ where: statusFilter('pending', now) });
}

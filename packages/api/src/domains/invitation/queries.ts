import type { Prisma } from '@tenantry/db';

import type { TListInvitationsInput } from './schemas.ts';

/** An invitation's own columns: what an INSERT … RETURNING gives back in the same statement. */
export const invitationColumns = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  createdAt: true,
} satisfies Prisma.InvitationSelect;

export const invitationSelect = {
  ...invitationColumns,
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

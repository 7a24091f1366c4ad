// Invitations: admins invite by email; the link's token is shown once, stored
// hashed, expires after 7 days and works once. A pending invitation holds a
// seat (docs/ARCHITECTURE.md): creating one needs a free seat, and accepting
// one turns its seat into the member's. Both lock the organization row first.
import { createCredential, hashPassword, withTenant } from '@tenantry/db';
import type { Db } from '@tenantry/db';

import { recordAudit } from '../../audit/record.ts';
import { AppError, notFound } from '../../errors/catalog.ts';
import { pageArgs, toPage } from '../../lib/pagination.ts';
import { atLeast } from '../../lib/roles.ts';
import type { TById } from '../../lib/schemas.ts';
import { newSecret, parseSecret } from '../../lib/secrets.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';
import { memberSelect } from '../member/queries.ts';
import {
  assertSeatForMember,
  assertSeatFree,
  lockOrganization,
  seatCounts,
} from '../organization/queries.ts';
import { invitationColumns, invitationSelect, statusFilter } from './queries.ts';
import type {
  TAcceptInvitationInput,
  TCreateInvitationInput,
  TListInvitationsInput,
  TPreviewInvitationInput,
} from './schemas.ts';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

// Seven round trips: the organization's lock (seats), then the seats in use
// and the address's member and pending invitations, read under it.
export async function createInvitation(ctx: TenantContext, input: TCreateInvitationInput) {
  if (!atLeast(ctx.user.role, input.role)) {
    throw new AppError('ROLE_ABOVE_OWN', 'You cannot invite someone to a role above your own.');
  }
  const organization = await lockOrganization(ctx.db, ctx.tenant.id);
  const now = new Date();
  // Under the lock, in one statement: the seats in use, a member with this
  // address, and the pending invitations to it, which the new one replaces
  // (taking over their seat).
  const usage = await ctx.db.tenant.findFirstOrThrow({
    select: {
      _count: seatCounts(now),
      users: { where: { email: input.email }, select: { id: true } },
      invitations: { where: { email: input.email, ...statusFilter('pending', now) }, select: { id: true } },
    },
  });
  if (usage.users.length) throw new AppError('ALREADY_MEMBER');
  // An account in another organization, which this tenant cannot see (tenantry_email_holder).
  const [holder] = await ctx.db.$queryRaw<{ holder: 'this' | 'another' | null }[]>`
    select tenantry_email_holder(${input.email}) as holder`;
  if (holder?.holder === 'another') throw new AppError('EMAIL_IN_OTHER_ORGANIZATION');
  const replaced = usage.invitations.map((invitation) => invitation.id);
  assertSeatFree(organization, {
    active: usage._count.users,
    pending: usage._count.invitations - replaced.length,
  });
  if (replaced.length) {
    await ctx.db.invitation.updateMany({ where: { id: { in: replaced } }, data: { revokedAt: now } });
  }
  const { secret, hash } = newSecret('inv', ctx.tenant.id);
  const invitation = await ctx.db.invitation.create({
    data: {
      tenantId: ctx.tenant.id,
      email: input.email,
      role: input.role,
      tokenHash: hash,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      invitedById: ctx.user.id,
    },
    select: invitationColumns,
  });
  ctx.audit.describe({ targetId: invitation.id, data: { email: input.email, role: input.role } });
  // The inviter is the caller: reading them back would cost a second statement.
  return {
    invitation: { ...invitation, invitedBy: { id: ctx.user.id, name: ctx.user.name } },
    token: secret,
  };
}

export async function listInvitations(ctx: TenantContext, input: TListInvitationsInput) {
  const { take, orderBy, cursorFilter } = pageArgs(input);
  const rows = await ctx.db.invitation.findMany({
    where: {
      ...cursorFilter,
      ...statusFilter(input.status, new Date()),
      ...(input.search ? { email: { contains: input.search, mode: 'insensitive' } } : {}),
    },
    select: invitationSelect,
    orderBy,
    take,
  });
  return toPage(rows, input.limit);
}

export async function revokeInvitation(ctx: TenantContext, input: TById) {
  const [revoked] = await ctx.db.invitation.updateManyAndReturn({
    where: { id: input.id, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
    select: { email: true },
  });
  if (!revoked) {
    const exists = await ctx.db.invitation.count({ where: { id: input.id } });
    if (!exists) throw notFound('Invitation');
    throw new AppError('INVITATION_CLOSED');
  }
  ctx.audit.describe({ data: { label: revoked.email } });
  return { id: input.id, revoked: true as const };
}

/** What the accept page shows before the form: whose invitation, to what; or why it cannot be used. */
export async function previewInvitation(db: Db, input: TPreviewInvitationInput) {
  const parsed = parseSecret('inv', input.token);
  if (!parsed) throw new AppError('INVITATION_INVALID');
  return withTenant(db, parsed.tenantId, async (tx) => {
    const invitation = assertOpen(
      await tx.invitation.findFirst({
        where: { tokenHash: parsed.hash },
        select: {
          email: true,
          role: true,
          expiresAt: true,
          acceptedAt: true,
          revokedAt: true,
          invitedBy: { select: { name: true } },
          tenant: { select: { status: true, organization: { select: { name: true } } } },
        },
      }),
    );
    if (invitation.tenant.status !== 'ACTIVE') throw new AppError('ORGANIZATION_SUSPENDED');
    return {
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      organizationName: invitation.tenant.organization?.name ?? '',
      inviterName: invitation.invitedBy.name,
    };
  });
}

/** An invitation that can still be accepted, or the error that says why not. */
function assertOpen<T extends { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }>(
  invitation: T | null,
): T {
  if (!invitation) throw new AppError('INVITATION_INVALID');
  if (invitation.acceptedAt) throw new AppError('INVITATION_USED');
  if (invitation.revokedAt) throw new AppError('INVITATION_REVOKED');
  if (invitation.expiresAt <= new Date()) throw new AppError('INVITATION_EXPIRED');
  return invitation;
}

/**
 * The token names its tenant; everything else happens under that tenant. The
 * new member is the actor, born here, so this records its own audit event.
 */
export async function acceptInvitation(db: Db, input: TAcceptInvitationInput) {
  const parsed = parseSecret('inv', input.token);
  if (!parsed) throw new AppError('INVITATION_INVALID');
  const passwordHash = await hashPassword(input.password);
  return withTenant(db, parsed.tenantId, async (tx) => {
    // First: parallel accepts (of one token or of many) then run one at a time.
    // A token naming no tenant finds no organization: the same answer as an unknown token.
    const organization = await lockOrganization(tx, parsed.tenantId).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'NOT_FOUND'
        ? new AppError('INVITATION_INVALID')
        : error;
    });
    const invitation = assertOpen(await tx.invitation.findFirst({ where: { tokenHash: parsed.hash } }));
    if (invitation.email !== input.email) {
      throw new AppError('INVITATION_OTHER_EMAIL');
    }
    if ((await tx.tenant.findFirst())?.status !== 'ACTIVE') {
      throw new AppError('ORGANIZATION_SUSPENDED');
    }
    await assertSeatForMember(tx, organization);
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (count !== 1) throw new AppError('INVITATION_USED');
    const user = await tx.user.create({
      data: { tenantId: parsed.tenantId, email: input.email, name: input.name, role: invitation.role },
      select: memberSelect,
    });
    await createCredential(tx, user.id, passwordHash);
    await recordAudit(tx, {
      tenantId: parsed.tenantId,
      actorId: user.id,
      action: 'invitation.accept',
      targetId: invitation.id,
      data: { role: invitation.role },
    });
    return user;
  });
}

// Invitations: admins invite by email; the link's token is shown once, stored
// hashed, expires after 7 days and works once. Accepting creates the member in
// the inviting tenant's transaction, with the seat limit checked under a lock.
import { createCredential, hashPassword, withTenant } from '@tenantry/db';
import type { Prisma } from '@tenantry/db';

import { audit } from '../audit.ts';
import { AppError, notFound } from '../errors.ts';
import { pageArgs, toPage } from '../pagination.ts';
import { atLeast } from '../roles.ts';
import { assertSeatAvailable } from '../seats.ts';
import { zById } from '../schemas/common.ts';
import {
  ZAcceptInvitationInput,
  ZCreateInvitationInput,
  ZListInvitationsInput,
} from '../schemas/invitation.ts';
import type { TListInvitationsInput } from '../schemas/invitation.ts';
import { newSecret, parseSecret } from '../secrets.ts';
import { invitationSelect, memberSelect } from '../selects.ts';
import { startSession } from '../session.ts';
import { adminProcedure, publicProcedure, router } from '../trpc.ts';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function statusFilter(status: TListInvitationsInput['status'], now: Date): Prisma.InvitationWhereInput {
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

const INVALID = 'This invitation link is not valid. Ask for a new one.';

export const invitationRouter = router({
  create: adminProcedure.input(ZCreateInvitationInput).mutation(async ({ ctx, input }) => {
    if (!atLeast(ctx.user.role, input.role)) {
      throw new AppError('FORBIDDEN', 'You cannot invite someone to a role above your own.');
    }
    if (await ctx.db.user.count({ where: { email: input.email } })) {
      throw new AppError('CONFLICT', 'This person is already a member.');
    }
    const now = new Date();
    // A new invitation replaces any pending one for the same address.
    await ctx.db.invitation.updateMany({
      where: { email: input.email, ...statusFilter('pending', now) },
      data: { revokedAt: now },
    });
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
      select: invitationSelect,
    });
    await audit(ctx, {
      action: 'invitation.create',
      targetType: 'invitation',
      targetId: invitation.id,
      data: { email: input.email, role: input.role },
    });
    return { invitation, token: secret };
  }),

  list: adminProcedure.input(ZListInvitationsInput).query(async ({ ctx, input }) => {
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
  }),

  revoke: adminProcedure.input(zById).mutation(async ({ ctx, input }) => {
    const { count } = await ctx.db.invitation.updateMany({
      where: { id: input.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) {
      const exists = await ctx.db.invitation.count({ where: { id: input.id } });
      if (!exists) throw notFound('Invitation');
      throw new AppError('CONFLICT', 'This invitation was already accepted or revoked.');
    }
    await audit(ctx, { action: 'invitation.revoke', targetType: 'invitation', targetId: input.id });
    return { id: input.id, revoked: true };
  }),

  /** Public: the token names its tenant; everything else happens under that tenant. */
  accept: publicProcedure.input(ZAcceptInvitationInput).mutation(async ({ ctx, input }) => {
    const parsed = parseSecret('inv', input.token);
    if (!parsed) throw new AppError('NOT_FOUND', INVALID);
    const passwordHash = await hashPassword(input.password);
    const member = await withTenant(ctx.db, parsed.tenantId, async (db) => {
      const invitation = await db.invitation.findFirst({ where: { tokenHash: parsed.hash } });
      if (!invitation || invitation.revokedAt) throw new AppError('NOT_FOUND', INVALID);
      if (invitation.acceptedAt) throw new AppError('CONFLICT', 'This invitation has already been used.');
      if (invitation.expiresAt <= new Date()) {
        throw new AppError('CONFLICT', 'This invitation has expired. Ask for a new one.');
      }
      if (invitation.email !== input.email) {
        throw new AppError('FORBIDDEN', 'This invitation was sent to a different email address.');
      }
      if ((await db.tenant.findFirst())?.status !== 'ACTIVE') {
        throw new AppError('FORBIDDEN', 'This organization is suspended.');
      }
      await assertSeatAvailable(db, parsed.tenantId);
      const { count } = await db.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null },
        data: { acceptedAt: new Date() },
      });
      if (count !== 1) throw new AppError('CONFLICT', 'This invitation has already been used.');
      const user = await db.user.create({
        data: { tenantId: parsed.tenantId, email: input.email, name: input.name, role: invitation.role },
        select: memberSelect,
      });
      await createCredential(db, user.id, passwordHash);
      await db.auditEvent.create({
        data: {
          tenantId: parsed.tenantId,
          actorId: user.id,
          action: 'invitation.accept',
          targetType: 'invitation',
          targetId: invitation.id,
          data: { role: invitation.role },
        },
      });
      return user;
    });
    const token = await startSession(ctx, input.email, input.password);
    return { user: member, token };
  }),
});

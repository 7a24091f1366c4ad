// Member management. Rules (docs/SECURITY.md): admins and owners manage
// members; nobody changes the role of someone above them or grants a role
// above their own; the owner's role moves only through transferOwnership, so
// there is always exactly one active owner.
import { audit } from '../audit.ts';
import { assertSeatAvailable } from '../seats.ts';
import { AppError, notFound } from '../errors.ts';
import { atLeast } from '../roles.ts';
import { ZMemberInput, ZUpdateRoleInput } from '../schemas/member.ts';
import { memberSelect } from '../selects.ts';
import { endSessions } from '../session.ts';
import { tenantKey } from '../tenant-context.ts';
import type { TenantContext } from '../tenant-context.ts';
import { adminProcedure, ownerProcedure, router } from '../trpc.ts';

async function findMember(ctx: TenantContext, userId: string) {
  const member = await ctx.db.user.findFirst({ where: { id: userId }, select: memberSelect });
  if (!member) throw notFound('Member');
  return member;
}

export const memberRouter = router({
  updateRole: adminProcedure.input(ZUpdateRoleInput).mutation(async ({ ctx, input }) => {
    const member = await findMember(ctx, input.userId);
    if (member.role === 'OWNER') {
      throw new AppError('FORBIDDEN', "The owner's role changes only by transferring ownership.");
    }
    if (!atLeast(ctx.user.role, member.role) || !atLeast(ctx.user.role, input.role)) {
      throw new AppError('FORBIDDEN', 'You cannot change a role above your own.');
    }
    if (member.role === input.role) return member;
    const updated = await ctx.db.user.update({
      where: tenantKey(ctx, member.id),
      data: { role: input.role },
      select: memberSelect,
    });
    await endSessions(ctx.db, member.id);
    await audit(ctx, {
      action: 'member.updateRole',
      targetType: 'user',
      targetId: member.id,
      data: { from: member.role, to: input.role },
    });
    return updated;
  }),

  deactivate: adminProcedure.input(ZMemberInput).mutation(async ({ ctx, input }) => {
    const member = await findMember(ctx, input.userId);
    if (member.role === 'OWNER') {
      throw new AppError('FORBIDDEN', 'The owner cannot be deactivated. Transfer ownership first.');
    }
    if (member.id === ctx.user.id) throw new AppError('FORBIDDEN', 'You cannot deactivate yourself.');
    if (!atLeast(ctx.user.role, member.role)) {
      throw new AppError('FORBIDDEN', 'You cannot deactivate someone above your role.');
    }
    if (!member.isActive) return member;
    const updated = await ctx.db.user.update({
      where: tenantKey(ctx, member.id),
      data: { isActive: false, deactivatedAt: new Date() },
      select: memberSelect,
    });
    await endSessions(ctx.db, member.id);
    await audit(ctx, { action: 'member.deactivate', targetType: 'user', targetId: member.id });
    return updated;
  }),

  reactivate: adminProcedure.input(ZMemberInput).mutation(async ({ ctx, input }) => {
    const member = await findMember(ctx, input.userId);
    if (member.isActive) return member;
    await assertSeatAvailable(ctx.db, ctx.tenant.id);
    const updated = await ctx.db.user.update({
      where: tenantKey(ctx, member.id),
      data: { isActive: true, deactivatedAt: null },
      select: memberSelect,
    });
    await audit(ctx, { action: 'member.reactivate', targetType: 'user', targetId: member.id });
    return updated;
  }),

  transferOwnership: ownerProcedure.input(ZMemberInput).mutation(async ({ ctx, input }) => {
    const member = await findMember(ctx, input.userId);
    if (member.id === ctx.user.id) throw new AppError('BAD_REQUEST', 'You already own this organization.');
    if (!member.isActive) throw new AppError('CONFLICT', 'Ownership can go only to an active member.');
    if (ctx.apiKey) throw new AppError('FORBIDDEN', 'Ownership cannot be transferred with an API key.');
    await ctx.db.user.update({ where: tenantKey(ctx, ctx.user.id), data: { role: 'ADMIN' } });
    const owner = await ctx.db.user.update({
      where: tenantKey(ctx, member.id),
      data: { role: 'OWNER' },
      select: memberSelect,
    });
    await ctx.db.organization.update({
      where: tenantKey(ctx, ctx.organization.id),
      data: { ownerId: member.id },
    });
    await audit(ctx, {
      action: 'member.transferOwnership',
      targetType: 'user',
      targetId: member.id,
      data: { from: ctx.user.id },
    });
    return owner;
  }),
});

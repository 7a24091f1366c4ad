// Member management. Rules (docs/SECURITY.md): admins and owners manage
// members; nobody changes the role of someone above them or grants a role
// above their own; the owner's role moves only through transferOwnership, so
// there is always exactly one active owner. Every member write locks the
// organization row first, so writes to one tenant's members run one at a time
// and each re-reads the member after the lock; the database backs this up
// (one OWNER per tenant; owner_id names an active OWNER; seats cover members).
import { AppError } from '../../errors/catalog.ts';
import { atLeast } from '../../lib/roles.ts';
import { endSessions } from '../../lib/session.ts';
import { tenantKey } from '../../lib/tenant-context.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';
import { assertSeatFree, lockOrganization, seatUsage } from '../organization/queries.ts';
import { memberSelect, requireMember } from './queries.ts';
import type { TMemberInput, TUpdateRoleInput } from './schemas.ts';

// Round trips here, beyond BEGIN, the actor, the write, the audit row and
// COMMIT: the organization's lock, the member re-read under it, and for a
// role change or a deactivation the member's sessions ended in the same
// transaction (revocation on the very next request).
export async function updateRole(ctx: TenantContext, input: TUpdateRoleInput) {
  await lockOrganization(ctx.db, ctx.tenant.id);
  const member = await requireMember(ctx, input.userId);
  if (member.role === 'OWNER') {
    throw new AppError('OWNER_ROLE_FIXED');
  }
  if (!atLeast(ctx.user.role, member.role)) {
    throw new AppError('MEMBER_ABOVE_OWN', 'You cannot change a role above your own.');
  }
  if (!atLeast(ctx.user.role, input.role)) {
    throw new AppError('ROLE_ABOVE_OWN', 'You cannot change a role above your own.');
  }
  if (member.role === input.role) {
    ctx.audit.skip();
    return member;
  }
  const updated = await ctx.db.user.update({
    where: tenantKey(ctx, member.id),
    data: { role: input.role },
    select: memberSelect,
  });
  await endSessions(ctx.db, member.id, 'role_changed');
  ctx.audit.describe({ data: { label: member.name, from: member.role, to: input.role } });
  return updated;
}

export async function deactivate(ctx: TenantContext, input: TMemberInput) {
  await lockOrganization(ctx.db, ctx.tenant.id);
  const member = await requireMember(ctx, input.userId);
  if (member.role === 'OWNER') {
    throw new AppError('OWNER_NOT_DEACTIVATABLE');
  }
  if (member.id === ctx.user.id) throw new AppError('SELF_DEACTIVATION');
  if (!atLeast(ctx.user.role, member.role)) {
    throw new AppError('MEMBER_ABOVE_OWN', 'You cannot deactivate someone above your role.');
  }
  if (!member.isActive) {
    ctx.audit.skip();
    return member;
  }
  const updated = await ctx.db.user.update({
    where: tenantKey(ctx, member.id),
    data: { isActive: false, deactivatedAt: new Date() },
    select: memberSelect,
  });
  await endSessions(ctx.db, member.id, 'deactivated');
  ctx.audit.describe({ data: { label: member.name } });
  return updated;
}

export async function reactivate(ctx: TenantContext, input: TMemberInput) {
  const organization = await lockOrganization(ctx.db, ctx.tenant.id);
  const member = await requireMember(ctx, input.userId);
  if (member.isActive) {
    ctx.audit.skip();
    return member;
  }
  assertSeatFree(organization, await seatUsage(ctx.db));
  ctx.audit.describe({ data: { label: member.name } });
  return ctx.db.user.update({
    where: tenantKey(ctx, member.id),
    data: { isActive: true, deactivatedAt: null },
    select: memberSelect,
  });
}

export async function transferOwnership(ctx: TenantContext, input: TMemberInput) {
  if (ctx.apiKey) throw new AppError('OWNERSHIP_BY_API_KEY');
  if (input.userId === ctx.user.id) throw new AppError('ALREADY_OWNER');
  // The caller was the owner when the call began; a transfer that waited for
  // the lock finds out here whether another one moved ownership first.
  // owner_id always names the active OWNER (migration *_owner_seat_invariants),
  // so the locked row alone tells whether the caller still owns the tenant.
  const organization = await lockOrganization(ctx.db, ctx.tenant.id);
  if (organization.ownerId !== ctx.user.id) throw new AppError('OWNERSHIP_CHANGED');
  const member = await requireMember(ctx, input.userId);
  if (!member.isActive) throw new AppError('OWNERSHIP_TO_INACTIVE');
  // Demote first: the one-owner index allows no moment with two owners. Then
  // the new owner, then owner_id: three writes, as the invariants need them.
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
  ctx.audit.describe({ data: { label: member.name, from: ctx.user.id } });
  return owner;
}

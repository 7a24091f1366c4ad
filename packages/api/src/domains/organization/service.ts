import { createCredential, hashPassword, withTenant } from '@tenantry/db';
import type { Db } from '@tenantry/db';
import { v7 as uuidv7 } from 'uuid';

import { recordAudit } from '../../audit/record.ts';
import { AppError } from '../../errors/catalog.ts';
import { compact } from '../../lib/compact.ts';
import { pageArgs, toPage } from '../../lib/pagination.ts';
import { tenantKey } from '../../lib/tenant-context.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';
import { memberSelect } from '../member/queries.ts';
import { currentOrganizationWithSeats, lockOrganization, organizationSelect, seatUsage } from './queries.ts';
import type { TListMembersInput, TRegisterInput, TUpdateOrganizationInput } from './schemas.ts';

/**
 * Sign-up: tenant, organization, owner and credentials in one transaction.
 * The tenant and the actor are born here, so this records its own audit event.
 */
export async function registerOrganization(db: Db, input: TRegisterInput) {
  const tenantId = uuidv7();
  const passwordHash = await hashPassword(input.password);
  return withTenant(db, tenantId, async (tx) => {
    await tx.tenant.create({ data: { id: tenantId } });
    const user = await tx.user.create({
      data: { tenantId, email: input.email, name: input.name, role: 'OWNER' },
      select: memberSelect,
    });
    await createCredential(tx, user.id, passwordHash);
    const organization = await tx.organization.create({
      data: { tenantId, name: input.organizationName, ownerId: user.id, billingEmail: input.email },
      select: organizationSelect,
    });
    await recordAudit(tx, {
      tenantId,
      actorId: user.id,
      action: 'organization.register',
      targetId: organization.id,
      data: { name: organization.name },
    });
    return { user, organization };
  });
}

export async function describeCurrent(ctx: TenantContext) {
  const { seatsUsed, seatsPending, ...organization } = await currentOrganizationWithSeats(ctx);
  return { organization, seatsUsed, seatsPending, me: { ...ctx.user, viaApiKey: ctx.apiKey !== null } };
}

export async function updateOrganization(ctx: TenantContext, input: TUpdateOrganizationInput) {
  if (input.seats !== undefined) {
    // Under the lock, so no accept or reactivation slips in between the count and the update.
    await lockOrganization(ctx.db, ctx.tenant.id);
    const { active, pending } = await seatUsage(ctx.db);
    if (input.seats < active) {
      throw new AppError('SEATS_BELOW_ACTIVE', `${active} members are active; seats cannot go below that.`);
    }
    if (input.seats < active + pending) {
      throw new AppError(
        'SEATS_HELD_BY_INVITATIONS',
        `${active} members are active and ${pending} invitations are pending, each holding a seat; revoke invitations before going below ${active + pending} seats.`,
      );
    }
  }
  const organization = await ctx.db.organization.update({
    where: tenantKey(ctx, ctx.organization.id),
    data: compact(input),
    select: organizationSelect,
  });
  ctx.audit.describe({ data: { label: organization.name, ...compact(input) } });
  return organization;
}

export async function listMembers(ctx: TenantContext, input: TListMembersInput) {
  const { take, orderBy, cursorFilter } = pageArgs(input);
  const rows = await ctx.db.user.findMany({
    where: {
      ...cursorFilter,
      ...(input.status === 'all' ? {} : { isActive: input.status === 'active' }),
      ...(input.search
        ? {
            OR: [
              { name: { contains: input.search, mode: 'insensitive' } },
              { email: { contains: input.search, mode: 'insensitive' } },
            ],
          }
        : {}),
    },
    select: memberSelect,
    orderBy,
    take,
  });
  return toPage(rows, input.limit);
}

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
import { activeMembers, currentOrganization, organizationSelect } from './queries.ts';
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
  return {
    organization: await currentOrganization(ctx),
    seatsUsed: await activeMembers(ctx.db),
    me: { ...ctx.user, viaApiKey: ctx.apiKey !== null },
  };
}

export async function updateOrganization(ctx: TenantContext, input: TUpdateOrganizationInput) {
  if (input.seats !== undefined) {
    const used = await activeMembers(ctx.db);
    if (input.seats < used) {
      throw new AppError('SEATS_BELOW_ACTIVE', `${used} members are active; seats cannot go below that.`);
    }
  }
  const organization = await ctx.db.organization.update({
    where: tenantKey(ctx, ctx.organization.id),
    data: compact(input),
    select: organizationSelect,
  });
  ctx.audit.describe({ data: compact(input) });
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

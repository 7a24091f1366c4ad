import { createCredential, hashPassword, withTenant } from '@tenantry/db';
import { v7 as uuidv7 } from 'uuid';

import { audit } from '../audit.ts';
import { compact } from '../compact.ts';
import { AppError } from '../errors.ts';
import { pageArgs, toPage } from '../pagination.ts';
import { activeMembers } from '../seats.ts';
import { ZListMembersInput, ZRegisterInput, ZUpdateOrganizationInput } from '../schemas/organization.ts';
import { memberSelect, organizationSelect } from '../selects.ts';
import { startSession } from '../session.ts';
import { tenantKey } from '../tenant-context.ts';
import type { TenantContext } from '../tenant-context.ts';
import { adminProcedure, publicProcedure, router, tenantProcedure } from '../trpc.ts';

async function currentOrganization(ctx: TenantContext) {
  const organization = await ctx.db.organization.findFirst({ select: organizationSelect });
  if (!organization) throw new AppError('NOT_FOUND', 'Organization not found');
  return organization;
}

export const organizationRouter = router({
  /** Sign-up: tenant, organization, owner and credentials in one transaction, then a session. */
  register: publicProcedure.input(ZRegisterInput).mutation(async ({ ctx, input }) => {
    const tenantId = uuidv7();
    const passwordHash = await hashPassword(input.password);
    const created = await withTenant(ctx.db, tenantId, async (db) => {
      await db.tenant.create({ data: { id: tenantId } });
      const user = await db.user.create({
        data: { tenantId, email: input.email, name: input.name, role: 'OWNER' },
        select: memberSelect,
      });
      await createCredential(db, user.id, passwordHash);
      const organization = await db.organization.create({
        data: { tenantId, name: input.organizationName, ownerId: user.id, billingEmail: input.email },
        select: organizationSelect,
      });
      await db.auditEvent.create({
        data: {
          tenantId,
          actorId: user.id,
          action: 'organization.register',
          targetType: 'organization',
          targetId: organization.id,
          data: { name: organization.name },
        },
      });
      return { user, organization };
    });
    const token = await startSession(ctx, input.email, input.password);
    return { ...created, token };
  }),

  current: tenantProcedure.query(async ({ ctx }) => ({
    organization: await currentOrganization(ctx),
    seatsUsed: await activeMembers(ctx.db),
    me: { ...ctx.user, viaApiKey: ctx.apiKey !== null },
  })),

  update: adminProcedure.input(ZUpdateOrganizationInput).mutation(async ({ ctx, input }) => {
    if (input.seats !== undefined) {
      const used = await activeMembers(ctx.db);
      if (input.seats < used) {
        throw new AppError('CONFLICT', `${used} members are active; seats cannot go below that.`);
      }
    }
    const organization = await ctx.db.organization.update({
      where: tenantKey(ctx, ctx.organization.id),
      data: compact(input),
      select: organizationSelect,
    });
    await audit(ctx, {
      action: 'organization.update',
      targetType: 'organization',
      targetId: organization.id,
      data: compact(input),
    });
    return organization;
  }),

  members: tenantProcedure.input(ZListMembersInput).query(async ({ ctx, input }) => {
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
  }),
});

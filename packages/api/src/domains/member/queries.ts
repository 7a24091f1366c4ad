// Member lookups other domains may call.
import type { Prisma } from '@tenantry/db';

import { notFound } from '../../errors/catalog.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';

export const memberSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  isActive: true,
  joinedAt: true,
  deactivatedAt: true,
} satisfies Prisma.UserSelect;

export async function requireMember(ctx: TenantContext, userId: string) {
  const member = await ctx.db.user.findFirst({ where: { id: userId }, select: memberSelect });
  if (!member) throw notFound('Member');
  return member;
}

// Tenant API keys for sibling apps and scripts. The secret is shown once and
// only its hash is kept; a key acts at its own role, never above its creator's.
import { audit } from '../audit.ts';
import { AppError } from '../errors.ts';
import { pageArgs, toPage } from '../pagination.ts';
import { atLeast } from '../roles.ts';
import { ZCreateApiKeyInput, ZListApiKeysInput } from '../schemas/api-key.ts';
import { zById } from '../schemas/common.ts';
import { newSecret } from '../secrets.ts';
import { apiKeySelect } from '../selects.ts';
import { adminProcedure, router } from '../trpc.ts';

export const apiKeyRouter = router({
  create: adminProcedure.input(ZCreateApiKeyInput).mutation(async ({ ctx, input }) => {
    if (!atLeast(ctx.user.role, input.role)) {
      throw new AppError('FORBIDDEN', 'A key cannot have a role above your own.');
    }
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt <= new Date())
      throw new AppError('BAD_REQUEST', 'The expiry must be in the future.');
    const { secret, hash } = newSecret('tk', ctx.tenant.id);
    const apiKey = await ctx.db.apiKey.create({
      data: {
        tenantId: ctx.tenant.id,
        name: input.name,
        prefix: `${secret.slice(0, 10)}…${secret.slice(-4)}`,
        keyHash: hash,
        role: input.role,
        createdById: ctx.user.id,
        expiresAt,
      },
      select: apiKeySelect,
    });
    await audit(ctx, {
      action: 'apiKey.create',
      targetType: 'apiKey',
      targetId: apiKey.id,
      data: { name: input.name, role: input.role },
    });
    return { apiKey, secret };
  }),

  list: adminProcedure.input(ZListApiKeysInput).query(async ({ ctx, input }) => {
    const { take, orderBy, cursorFilter } = pageArgs(input);
    const rows = await ctx.db.apiKey.findMany({ where: cursorFilter, select: apiKeySelect, orderBy, take });
    return toPage(rows, input.limit);
  }),

  revoke: adminProcedure.input(zById).mutation(async ({ ctx, input }) => {
    const { count } = await ctx.db.apiKey.updateMany({
      where: { id: input.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) {
      if (!(await ctx.db.apiKey.count({ where: { id: input.id } })))
        throw new AppError('NOT_FOUND', 'API key not found');
      throw new AppError('CONFLICT', 'This key is already revoked.');
    }
    await audit(ctx, { action: 'apiKey.revoke', targetType: 'apiKey', targetId: input.id });
    return { id: input.id, revoked: true };
  }),
});

// Tenant API keys for sibling apps and scripts. The secret is shown once and
// only its hash is kept; a key acts at its own role, never above its creator's.
import { AppError, notFound } from '../../errors/catalog.ts';
import { pageArgs, toPage } from '../../lib/pagination.ts';
import { atLeast } from '../../lib/roles.ts';
import type { TById } from '../../lib/schemas.ts';
import { newSecret } from '../../lib/secrets.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';
import { apiKeyColumns, apiKeySelect } from './queries.ts';
import type { TCreateApiKeyInput, TListApiKeysInput } from './schemas.ts';

export async function createApiKey(ctx: TenantContext, input: TCreateApiKeyInput) {
  if (!atLeast(ctx.user.role, input.role)) {
    throw new AppError('ROLE_ABOVE_OWN', 'A key cannot have a role above your own.');
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= new Date()) throw new AppError('EXPIRY_IN_PAST');
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
    select: apiKeyColumns,
  });
  ctx.audit.describe({ targetId: apiKey.id, data: { name: input.name, role: input.role } });
  // Its creator is the caller: reading them back would cost a second statement.
  return { apiKey: { ...apiKey, createdBy: { id: ctx.user.id, name: ctx.user.name } }, secret };
}

export async function listApiKeys(ctx: TenantContext, input: TListApiKeysInput) {
  const { take, orderBy, cursorFilter } = pageArgs(input);
  const rows = await ctx.db.apiKey.findMany({ where: cursorFilter, select: apiKeySelect, orderBy, take });
  return toPage(rows, input.limit);
}

export async function revokeApiKey(ctx: TenantContext, input: TById) {
  const [revoked] = await ctx.db.apiKey.updateManyAndReturn({
    where: { id: input.id, revokedAt: null },
    data: { revokedAt: new Date() },
    select: { name: true },
  });
  if (!revoked) {
    if (!(await ctx.db.apiKey.count({ where: { id: input.id } }))) throw notFound('API key');
    throw new AppError('API_KEY_REVOKED');
  }
  ctx.audit.describe({ data: { label: revoked.name } });
  return { id: input.id, revoked: true as const };
}

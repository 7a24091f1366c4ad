import type { Prisma } from '@tenantry/db';

/** A key's own columns: what an INSERT … RETURNING gives back in the same statement. */
export const apiKeyColumns = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} satisfies Prisma.ApiKeySelect;

export const apiKeySelect = {
  ...apiKeyColumns,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.ApiKeySelect;

import type { Prisma } from '@tenantry/db';

export const auditEventSelect = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  at: true,
  data: true,
  actor: { select: { id: true, name: true, email: true } },
  // An import's totals, counted by the server across its batches.
  assetImport: {
    select: { created: true, updated: true, unchanged: true, batches: true, lastBatchAt: true },
  },
} satisfies Prisma.AuditEventSelect;

import type { Prisma } from '@tenantry/db';

export const auditEventSelect = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  at: true,
  data: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuditEventSelect;

// What each model returns to clients. Never a password, token or key hash.
import type { Prisma } from '@tenantry/db';

export const organizationSelect = {
  id: true,
  name: true,
  plan: true,
  seats: true,
  billingEmail: true,
  ownerId: true,
  createdAt: true,
} satisfies Prisma.OrganizationSelect;

export const memberSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  isActive: true,
  joinedAt: true,
  deactivatedAt: true,
} satisfies Prisma.UserSelect;

export const invitationSelect = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  createdAt: true,
  invitedBy: { select: { id: true, name: true } },
} satisfies Prisma.InvitationSelect;

export const siteSelect = {
  id: true,
  name: true,
  address: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { buildings: true } },
} satisfies Prisma.SiteSelect;

export const buildingSelect = {
  id: true,
  siteId: true,
  name: true,
  floors: true,
  createdAt: true,
  updatedAt: true,
  site: { select: { id: true, name: true } },
  _count: { select: { assets: true } },
} satisfies Prisma.BuildingSelect;

export const assetSelect = {
  id: true,
  buildingId: true,
  tag: true,
  name: true,
  category: true,
  status: true,
  serialNumber: true,
  installedAt: true,
  createdAt: true,
  updatedAt: true,
  building: { select: { id: true, name: true, site: { select: { id: true, name: true } } } },
} satisfies Prisma.AssetSelect;

export const auditEventSelect = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  at: true,
  data: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuditEventSelect;

export const apiKeySelect = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.ApiKeySelect;

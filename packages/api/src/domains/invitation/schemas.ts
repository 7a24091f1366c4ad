import { Role } from '@tenantry/db/enums';
import { z } from 'zod';

import { zAssignableRole, zEmail, zListBase, zName, zPassword, zText } from '../../lib/schemas.ts';

export const ZCreateInvitationInput = z.strictObject({
  email: zEmail,
  role: zAssignableRole.default('MEMBER'),
});
export type TCreateInvitationInput = z.infer<typeof ZCreateInvitationInput>;

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired', 'all'] as const;
export const ZListInvitationsInput = z.strictObject({
  ...zListBase,
  status: z.enum(INVITATION_STATUSES).default('pending'),
});
export type TListInvitationsInput = z.infer<typeof ZListInvitationsInput>;

// Trimmed: a link pasted with a trailing newline still works.
const zInvitationToken = zText({ min: 1, max: 200 });

export const ZPreviewInvitationInput = z.strictObject({ token: zInvitationToken });
export type TPreviewInvitationInput = z.infer<typeof ZPreviewInvitationInput>;

export const ZInvitationPreviewOutput = z.object({
  email: z.string(),
  role: z.enum(Role),
  expiresAt: z.date(),
  organizationName: z.string(),
  inviterName: z.string(),
});
export type TInvitationPreviewOutput = z.infer<typeof ZInvitationPreviewOutput>;

export const ZAcceptInvitationInput = z.strictObject({
  token: zInvitationToken,
  email: zEmail,
  name: zName,
  password: zPassword,
});
export type TAcceptInvitationInput = z.infer<typeof ZAcceptInvitationInput>;

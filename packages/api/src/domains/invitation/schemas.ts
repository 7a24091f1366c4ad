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

export const ZAcceptInvitationInput = z.strictObject({
  // Trimmed: a link pasted with a trailing newline still works.
  token: zText({ min: 1, max: 200 }),
  email: zEmail,
  name: zName,
  password: zPassword,
});
export type TAcceptInvitationInput = z.infer<typeof ZAcceptInvitationInput>;

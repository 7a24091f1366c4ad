import { z } from 'zod';

import { zEmail, zListBase, zName, zPassword } from '../../lib/schemas.ts';

export const PLANS = ['free', 'team', 'business'] as const;

export const ZRegisterInput = z.strictObject({
  organizationName: zName,
  name: zName,
  email: zEmail,
  password: zPassword,
});
export type TRegisterInput = z.infer<typeof ZRegisterInput>;

export const ZUpdateOrganizationInput = z
  .strictObject({
    name: zName.optional(),
    plan: z.enum(PLANS).optional(),
    seats: z.number().int().min(1).max(10_000).optional(),
    billingEmail: zEmail.nullable().optional(),
  })
  .refine((input) => Object.keys(input).length > 0, 'Nothing to update.');
export type TUpdateOrganizationInput = z.infer<typeof ZUpdateOrganizationInput>;

export const ZListMembersInput = z.strictObject({
  ...zListBase,
  status: z.enum(['active', 'inactive', 'all']).default('all'),
});
export type TListMembersInput = z.infer<typeof ZListMembersInput>;

import { Plan } from '@tenantry/db/enums';
import { z } from 'zod';

import { zEmail, zListBase, zName, zPassword } from '../../lib/schemas.ts';

/** The schema's plans, in its order. */
export const PLANS = Object.values(Plan);

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
    plan: z.enum(Plan).optional(),
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

import { Plan, Role } from '@tenantry/db/enums';
import { z } from 'zod';

import { zEmail, zListBase, zName, zPage, zPassword } from '../../lib/schemas.ts';
import { ZMemberOutput } from '../member/schemas.ts';

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

export const ZOrganizationOutput = z.object({
  id: z.string(),
  name: z.string(),
  plan: z.enum(Plan),
  seats: z.number(),
  billingEmail: z.string().nullable(),
  ownerId: z.string(),
  createdAt: z.date(),
});
export type TOrganizationOutput = z.infer<typeof ZOrganizationOutput>;

export const ZCurrentOrganizationOutput = z.object({
  organization: ZOrganizationOutput,
  /** Seats taken by active members. */
  seatsUsed: z.number(),
  /** Seats held by pending invitations: a new invitation needs seats > seatsUsed + seatsPending. */
  seatsPending: z.number(),
  me: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(Role),
    viaApiKey: z.boolean(),
  }),
});
export type TCurrentOrganizationOutput = z.infer<typeof ZCurrentOrganizationOutput>;

export const ZRegisterOutput = z.object({
  user: ZMemberOutput,
  organization: ZOrganizationOutput,
});
export type TRegisterOutput = z.infer<typeof ZRegisterOutput>;

export const ZListMembersOutput = zPage(ZMemberOutput);

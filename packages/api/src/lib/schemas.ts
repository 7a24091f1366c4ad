// Input pieces shared by the domains' schemas. Every string, array and page size is bounded, and every
// object is strict: an unknown key (tenantId, role, __proto__ …) is a 400.
import { Role } from '@tenantry/db/enums';
import { z } from 'zod';

export const zId = z.uuid({ error: 'must be an id' });
export const zName = z.string().trim().min(1, 'is required').max(120, 'is at most 120 characters');
export const zEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'must be an email address' }));
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const zPassword = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

/** A role anyone can be given; the owner's changes only by transfer. */
export const zAssignableRole = z.enum(Role).exclude([Role.OWNER]);

export const PAGE_SIZE_MAX = 100;

/** A keyset page: the input of every list. */
export const zPaging = {
  /** The last id of the previous page. */
  cursor: zId.optional(),
  /**
   * tRPC's infinite queries send which way they page. Lists are newest first
   * and only go forward, so `backward` is refused rather than ignored.
   */
  direction: z.literal('forward', { error: 'lists only page forward' }).optional(),
  limit: z.number().int().min(1).max(PAGE_SIZE_MAX).default(25),
};

export const zListBase = {
  ...zPaging,
  search: z.string().trim().max(100).optional(),
};

export const zById = z.strictObject({ id: zId });
export type TById = z.infer<typeof zById>;

// Outputs: what a procedure returns, parsed on the way out (unknown keys are
// dropped, so no column leaves by accident), for the client and the CLI.

/** A keyset page of `item`. */
export const zPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const zRef = z.object({ id: z.string(), name: z.string() });

/** The answer of a revoke. */
export const ZRevokedOutput = z.object({ id: z.string(), revoked: z.literal(true) });

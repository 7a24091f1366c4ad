// Input pieces shared by the domains' schemas. Every string, array and page size is bounded, and every
// object is strict: an unknown key (tenantId, role, __proto__ …) is a 400. Every string goes through
// zText (text.ts): no NUL, no lone surrogate, no control character, NFC, trimmed.
import { Role } from '@tenantry/db/enums';
import { z } from 'zod';

import { zText } from './text.ts';
import './zod-messages.ts';

export { zText } from './text.ts';
export { PASSWORD_MAX, PASSWORD_MIN, zPassword } from './password.ts';

export const zId = z.uuid({ error: 'must be an id' });
/** A name: one line, 1 to 120 characters. */
export const zName = zText({ min: 1, max: 120 });
export const zEmail = zText({ max: 254 })
  .toLowerCase()
  .pipe(z.email({ error: 'must be an email address' }));
/** What a list is filtered by: one line, up to 100 characters; empty means no filter. */
export const zSearch = zText({ max: 100 });

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
  search: zSearch.optional(),
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

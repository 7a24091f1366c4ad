import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { zId, zPaging } from './schemas.ts';

const messageOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return result.error.issues.map((issue) => issue.message);
};

describe("zod's messages, in words for people", () => {
  it.each([
    ['a missing field', z.object({ a: z.string() }), {}, 'is required'],
    ['a number for text', z.string(), 42, 'must be text'],
    ['text for a number', z.number(), 'x', 'must be a number'],
    ['a page size too big', z.object(zPaging), { limit: 1_000 }, 'must be at most 100'],
    ['a number too small', z.number().min(1), 0, 'must be at least 1'],
    ['a number not below', z.number().lt(5), 5, 'must be less than 5'],
    ['a fraction', z.number().int(), 1.5, 'must be a whole number'],
    ['a long text', z.string().max(3), 'abcd', 'must have at most 3 characters'],
    ['an empty text', z.string().min(1), '', 'is required'],
    ['too few items', z.array(z.number()).min(2), [1], 'must have at least 2 items'],
    [
      'too many items',
      z.array(z.number()).max(1_000),
      Array.from({ length: 1_001 }, () => 1),
      'must have at most 1,000 items',
    ],
    ['an enum', z.enum(['ADMIN', 'MEMBER']), 'OWNER', 'must be one of: ADMIN, MEMBER'],
    ['a literal', z.literal('forward'), 'backward', 'must be forward'],
    ['a bad email', z.email(), 'nope', 'must be an email address'],
    ['a bad date', z.iso.date(), '2026-13-40', 'must be a date (YYYY-MM-DD)'],
    ['a pattern', z.string().regex(/^a$/), 'b', 'is not in the expected form'],
    ['an unknown key', z.strictObject({}), { tenantId: 'x' }, 'has a field it does not take: tenantId'],
    ['a multiple', z.number().multipleOf(5), 7, 'must be a multiple of 5'],
  ])('%s', (_label, schema, input, message) => {
    expect(messageOf(schema, input)).toEqual([message]);
  });

  it("leaves a schema's own message alone", () => {
    expect(messageOf(zId, 'x')).toEqual(['must be an id']);
  });
});

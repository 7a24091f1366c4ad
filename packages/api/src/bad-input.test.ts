// Bad input to every procedure gets BAD_REQUEST with field errors, never a 5xx,
// and changes nothing.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';

import { appRouter } from './root.ts';
import { callPath, createHarness, procedurePaths } from './testing/harness.ts';
import type { Harness, Org } from './testing/harness.ts';
import { fingerprint } from './testing/tenant-fixtures.ts';

const BAD: [string, unknown][] = [
  ['a number', 42],
  ['a string', 'hello'],
  ['an array', [1, 2, 3]],
  ['null', null],
  ['an unknown key', { bogus: true }],
  ['a __proto__ key', JSON.parse('{"__proto__": {"isAdmin": true}}') as unknown],
  ['a tenantId', { tenantId: '019a0000-0000-7000-8000-000000000001' }],
  ['an oversized id', { id: 'x'.repeat(10_000) }],
  ['an oversized name', { name: 'x'.repeat(10_000) }],
  ['an oversized search', { search: 'x'.repeat(10_000) }],
  ['a page size over 100', { limit: 1_000 }],
  ['a wrong type', { name: 123, id: false, email: ['x'] }],
];

/** How zod's English locale words its messages. */
const ZOD_WORDING = /^(Invalid|Too (big|small)|Unrecognized)|expected .* received|[<>]=/;

/** Procedures whose input may be absent altogether. */
const NO_INPUT = new Set(['organization.current', 'asset.stats']);

/** Every procedure that takes input × every bad input: one test each. */
const CASES = procedurePaths
  .filter((p) => !NO_INPUT.has(p))
  .flatMap((path) => BAD.map(([label, input]) => ({ path, label, input })));

let h: Harness;
let org: Org;
let before: Record<string, string>;

beforeAll(async () => {
  h = await createHarness();
  org = await h.register('bad-input');
  await org.owner.caller.site.create({ name: 'Keep me' });
  before = await fingerprint(h, org.tenantId);
});
afterAll(async () => {
  await h.close();
});

describe('bad input gets BAD_REQUEST with field errors', () => {
  for (const { path, label, input } of CASES) {
    it(`${path} with ${label}`, async () => {
      const error = await callPath(org.owner.caller, path, input).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      // The zod error rides along; errorFormatter flattens it into field errors.
      expect((error as TRPCError).cause).toBeInstanceOf(ZodError);
      // In words for people (lib/zod-messages.ts), never zod's "Too big: expected number to be <=100".
      for (const issue of ((error as TRPCError).cause as ZodError).issues) {
        expect(issue.message).not.toMatch(ZOD_WORDING);
      }
    });
  }

  it('and none of it changed anything', async () => {
    expect(await fingerprint(h, org.tenantId)).toEqual(before);
  });
});

describe('bad input', () => {
  it('reports which fields are wrong, over HTTP', async () => {
    const { fetchRequestHandler } = await import('@trpc/server/adapters/fetch');
    const { createContextInner } = await import('./context.ts');
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      router: appRouter,
      req: new Request('http://localhost/trpc/organization.register', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          json: { organizationName: '', name: 'x', email: 'not-an-email', password: 'short', bogus: 1 },
        }),
      }),
      createContext: () => createContextInner({ db: h.prisma, auth: h.auth }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: {
        json: { data: { zodError: { fieldErrors: Record<string, string[]>; formErrors: string[] } } };
      };
    };
    const { fieldErrors, formErrors } = body.error.json.data.zodError;
    expect(Object.keys(fieldErrors).sort()).toEqual(['email', 'organizationName', 'password']);
    expect(formErrors.join()).toMatch(/bogus/);
  });

  it('organization.current ignores input it does not take', async () => {
    const current = await callPath(org.owner.caller, 'organization.current', { junk: 'x'.repeat(10_000) });
    expect(current).toHaveProperty('organization');
  });

  it('mass assignment: no update input can set tenantId, role, ownerId or id', async () => {
    const site = await org.owner.caller.site.create({ name: 'Mass' });
    const attempts: [string, unknown][] = [
      ['site.update', { id: site.id, tenantId: org.tenantId }],
      ['site.update', { id: site.id, newId: site.id, ownerId: org.owner.id }],
      ['organization.update', { ownerId: org.owner.id }],
      ['organization.update', { id: org.organizationId, name: 'x' }],
      ['organization.update', { tenantId: org.tenantId, name: 'x' }],
      ['member.updateRole', { userId: org.owner.id, role: 'OWNER' }],
      ['asset.update', { id: site.id, tenantId: org.tenantId }],
      ['building.update', { id: site.id, siteId: site.id }],
    ];
    for (const [path, input] of attempts) {
      await expect(callPath(org.owner.caller, path, input), path).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    }
  });
});

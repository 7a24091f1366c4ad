// The cross-tenant attack matrix (DESIGN §2). Tenant B calls every procedure of
// appRouter with tenant A's ids and payloads. A procedure without an entry here
// fails the test, so a new procedure cannot skip it. The matrix runs three
// times: with every layer, with RLS alone (the tenant-bound client's scoping
// switched off), and with the tenant-bound client alone (on the owner's
// connection, which RLS does not bind); on PostgreSQL with TEST_PGBOUNCER_URL,
// a fourth time through PgBouncer.
import type { Db } from '@tenantry/db';
import { scopeToTenant, TenantScopeError } from '@tenantry/db';
import { TEST_PGBOUNCER_URL, throughPgBouncer } from '@tenantry/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { callPath, createHarness, outcome, procedurePaths } from './testing/harness.ts';
import type { Caller, Harness, HarnessOptions } from './testing/harness.ts';
import { fingerprint, idsOf, seedTenantA } from './testing/tenant-fixtures.ts';
import type { TenantA } from './testing/tenant-fixtures.ts';

type Expect = 'DENIED' | 'OK_NO_LEAK' | 'CONFLICT';
interface Attack {
  why: string;
  input: (a: TenantA) => unknown;
  expect: Expect;
}

const forgedToken = (a: TenantA) => `inv_${a.org.tenantId.replace(/-/g, '')}_${'x'.repeat(43)}`;
const newAsset = { tag: 'B-0001', name: 'B pump', category: 'Plumbing' };
/** A keyset cursor of asset.list in a sort other than newest first (domains/asset/sort.ts). */
const sortCursor = (sort: string, key: string, id: string) =>
  Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');

/** Every procedure → the attacks tenant B tries with it. */
const MATRIX: Record<string, Attack[]> = {
  'organization.register': [
    {
      why: "registers with A's owner email",
      input: (a) => ({
        organizationName: 'B2',
        name: 'x',
        email: a.org.owner.email,
        password: 'long enough pw',
      }),
      expect: 'CONFLICT',
    },
  ],
  'organization.current': [
    { why: 'reads its own organization', input: () => undefined, expect: 'OK_NO_LEAK' },
  ],
  'organization.update': [
    { why: 'renames (its own) organization', input: () => ({ name: 'B renamed' }), expect: 'OK_NO_LEAK' },
  ],
  'organization.members': [
    { why: "searches for A's owner", input: (a) => ({ search: a.org.owner.email }), expect: 'OK_NO_LEAK' },
    { why: "pages from A's user id", input: (a) => ({ cursor: a.member.id }), expect: 'OK_NO_LEAK' },
  ],
  'member.updateRole': [
    { why: "promotes A's member", input: (a) => ({ userId: a.member.id, role: 'ADMIN' }), expect: 'DENIED' },
  ],
  'member.deactivate': [
    { why: "deactivates A's admin", input: (a) => ({ userId: a.admin.id }), expect: 'DENIED' },
  ],
  'member.reactivate': [
    { why: "reactivates A's member", input: (a) => ({ userId: a.member.id }), expect: 'DENIED' },
  ],
  'member.transferOwnership': [
    { why: "hands B to A's member", input: (a) => ({ userId: a.member.id }), expect: 'DENIED' },
  ],
  'invitation.create': [
    {
      why: 'invites someone (into B)',
      input: () => ({ email: `b-${Math.random()}@example.test` }),
      expect: 'OK_NO_LEAK',
    },
  ],
  'invitation.list': [{ why: 'lists invitations', input: () => ({ status: 'all' }), expect: 'OK_NO_LEAK' }],
  'invitation.revoke': [
    { why: "revokes A's invitation", input: (a) => ({ id: a.invitationId }), expect: 'DENIED' },
  ],
  'invitation.preview': [
    { why: "forges a token naming A's tenant", input: (a) => ({ token: forgedToken(a) }), expect: 'DENIED' },
  ],
  'invitation.accept': [
    {
      why: "forges a token naming A's tenant",
      input: (a) => ({
        token: forgedToken(a),
        email: 'a-invitee@example.test',
        name: 'x',
        password: 'long enough pw',
      }),
      expect: 'DENIED',
    },
    {
      why: "uses A's token for another email",
      input: (a) => ({
        token: a.invitationToken,
        email: 'intruder@example.test',
        name: 'x',
        password: 'long enough pw',
      }),
      expect: 'DENIED',
    },
  ],
  'site.list': [
    { why: "searches for A's site", input: () => ({ search: 'A site' }), expect: 'OK_NO_LEAK' },
    { why: "pages from A's site id", input: (a) => ({ cursor: a.siteId }), expect: 'OK_NO_LEAK' },
  ],
  'site.byId': [{ why: "reads A's site", input: (a) => ({ id: a.siteId }), expect: 'DENIED' }],
  'site.create': [
    {
      why: 'creates a site (its own)',
      input: () => ({ name: `B site ${Math.random()}` }),
      expect: 'OK_NO_LEAK',
    },
  ],
  'site.update': [
    { why: "renames A's site", input: (a) => ({ id: a.siteId, name: 'pwned' }), expect: 'DENIED' },
  ],
  'site.delete': [{ why: "deletes A's site", input: (a) => ({ id: a.siteId }), expect: 'DENIED' }],
  'building.list': [
    { why: "lists A's site's buildings", input: (a) => ({ siteId: a.siteId }), expect: 'OK_NO_LEAK' },
    // Three characters or more: the trigram search path (tenantry_search_buildings).
    { why: "searches for A's building", input: () => ({ search: 'A building' }), expect: 'OK_NO_LEAK' },
  ],
  'building.byId': [{ why: "reads A's building", input: (a) => ({ id: a.buildingId }), expect: 'DENIED' }],
  'building.create': [
    { why: "builds on A's site", input: (a) => ({ siteId: a.siteId, name: 'squat' }), expect: 'DENIED' },
  ],
  'building.update': [
    { why: "renames A's building", input: (a) => ({ id: a.buildingId, name: 'pwned' }), expect: 'DENIED' },
  ],
  'building.delete': [
    { why: "deletes A's building", input: (a) => ({ id: a.buildingId }), expect: 'DENIED' },
  ],
  'asset.list': [
    {
      why: "lists A's building's assets",
      input: (a) => ({ buildingId: a.buildingId }),
      expect: 'OK_NO_LEAK',
    },
    { why: "lists A's site's assets", input: (a) => ({ siteId: a.siteId }), expect: 'OK_NO_LEAK' },
    { why: "looks up A's asset tag", input: () => ({ tag: 'A-0001' }), expect: 'OK_NO_LEAK' },
    // Three characters or more: the trigram search path (tenantry_search_assets).
    { why: "searches for A's asset", input: () => ({ search: 'A chiller' }), expect: 'OK_NO_LEAK' },
    {
      why: "searches for A's asset tag on A's site",
      input: (a) => ({ search: 'A-0001', siteId: a.siteId }),
      expect: 'OK_NO_LEAK',
    },
    {
      why: "pages by name from A's asset (a forged cursor)",
      input: (a) => ({ sort: 'name', cursor: sortCursor('name', 'A chiller', a.assetId) }),
      expect: 'OK_NO_LEAK',
    },
    {
      why: "pages A's site's assets by status, descending",
      input: (a) => ({ siteId: a.siteId, sort: 'status', order: 'desc' }),
      expect: 'OK_NO_LEAK',
    },
  ],
  'asset.count': [
    { why: "counts A's site's assets", input: (a) => ({ siteId: a.siteId }), expect: 'OK_NO_LEAK' },
    {
      why: "counts A's building's assets",
      input: (a) => ({ buildingId: a.buildingId }),
      expect: 'OK_NO_LEAK',
    },
    { why: "counts A's asset by search", input: () => ({ search: 'A chiller' }), expect: 'OK_NO_LEAK' },
  ],
  'asset.byId': [{ why: "reads A's asset", input: (a) => ({ id: a.assetId }), expect: 'DENIED' }],
  'asset.create': [
    {
      why: "puts an asset in A's building",
      input: (a) => ({ buildingId: a.buildingId, ...newAsset }),
      expect: 'DENIED',
    },
  ],
  'asset.stats': [{ why: 'counts assets (its own)', input: () => undefined, expect: 'OK_NO_LEAK' }],
  'asset.import': [
    {
      why: "imports into A's building",
      input: (a) => ({ rows: [{ buildingId: a.buildingId, ...newAsset }] }),
      expect: 'DENIED',
    },
    {
      why: "adds a batch to A's import",
      input: (a) => ({ importId: a.importId, rows: [{ buildingId: a.buildingId, ...newAsset }] }),
      expect: 'DENIED',
    },
    {
      why: "re-tags over A's asset tag",
      input: (a) => ({
        rows: [{ buildingId: a.buildingId, tag: 'A-0001', name: 'pwned', category: 'HVAC' }],
      }),
      expect: 'DENIED',
    },
  ],
  'asset.update': [
    { why: "edits A's asset", input: (a) => ({ id: a.assetId, name: 'pwned' }), expect: 'DENIED' },
  ],
  'asset.delete': [{ why: "deletes A's asset", input: (a) => ({ id: a.assetId }), expect: 'DENIED' }],
  'audit.list': [
    { why: "filters by A's owner", input: (a) => ({ actorId: a.org.owner.id }), expect: 'OK_NO_LEAK' },
  ],
  'apiKey.create': [
    { why: 'creates a key (its own)', input: () => ({ name: 'B key' }), expect: 'OK_NO_LEAK' },
  ],
  'apiKey.list': [{ why: 'lists keys', input: () => ({}), expect: 'OK_NO_LEAK' }],
  'apiKey.revoke': [{ why: "revokes A's key", input: (a) => ({ id: a.apiKeyId }), expect: 'DENIED' }],
};

/** Switches off the tenant-bound client's scoping: scopeToTenant() then hands back the bare client. */
const withoutScoping = (db: Db): Db =>
  new Proxy(db, {
    get: (target, prop) => (prop === '$extends' ? () => target : Reflect.get(target, prop)) as unknown,
  });

const MODES: [string, HarnessOptions][] = [
  ['every layer', {}],
  ['RLS alone (tenant-bound client switched off)', { wrapDb: withoutScoping }],
  ['tenant-bound client alone (owner connection, no RLS)', { connection: 'owner' }],
  // Every layer again, with each role logged in through PgBouncer in transaction
  // mode, one server connection per pool: A's and B's calls take turns on it.
  ...(TEST_PGBOUNCER_URL
    ? [
        ['every layer, through PgBouncer (transaction pooling)', { through: throughPgBouncer }] as [
          string,
          HarnessOptions,
        ],
      ]
    : []),
];

const ATTACKERS = ['B owner (session)', 'B admin (API key)'] as const;
type Attacker = (typeof ATTACKERS)[number];

/** Every procedure × its attacks × every attacker: one test each. */
const CASES = procedurePaths.flatMap((path) =>
  (MATRIX[path] ?? []).flatMap((attack) => ATTACKERS.map((who) => ({ path, attack, who }))),
);

describe.each(MODES)('cross-tenant matrix: %s', (_mode, options) => {
  let h: Harness;
  let a: TenantA;
  let attackers: Record<Attacker, Caller>;
  let before: Record<string, string>;

  beforeAll(async () => {
    h = await createHarness(options);
    a = await seedTenantA(h);
    const b = await h.register('b');
    const bKey = await b.owner.caller.apiKey.create({ name: 'B automation', role: 'ADMIN' });
    attackers = {
      'B owner (session)': b.owner.caller,
      'B admin (API key)': await h.callerWithToken(bKey.secret),
    };
    before = await fingerprint(h, a.org.tenantId);
  });
  afterAll(async () => {
    await h.close();
  });

  it('the layer under test is really the only one on', async () => {
    const [bTenant] = await h.db.owner.rows<{ id: string }>(
      `select id from tenants where id <> '${a.org.tenantId}' order by id limit 1`,
    );
    const scoped = scopeToTenant(h.prisma, bTenant?.id ?? '');
    const plant = scoped.site.create({ data: { tenantId: a.org.tenantId, name: 'planted' } });
    if (options.wrapDb) await expect(plant).rejects.toThrow(/row-level security/);
    else await expect(plant).rejects.toThrow(TenantScopeError);
    if (options.connection === 'owner') expect(await h.prisma.site.count()).toBeGreaterThan(0);
  });

  it('covers every procedure of the router', () => {
    expect(procedurePaths.filter((p) => !(p in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((p) => !procedurePaths.includes(p))).toEqual([]);
  });

  for (const { path, attack, who } of CASES) {
    it(`${path} as ${who}: ${attack.why} → ${attack.expect}`, async () => {
      let result: unknown;
      const input = attack.input(a);
      const code = await outcome(callPath(attackers[who], path, input).then((r) => (result = r)));
      if (attack.expect === 'DENIED') expect(['NOT_FOUND', 'FORBIDDEN']).toContain(code);
      else if (attack.expect === 'CONFLICT') expect(code).toBe('CONFLICT');
      else {
        expect(code).toBe('OK');
        // Echoing what B itself sent is no leak; anything else of A's is.
        const sent = JSON.stringify(input ?? null);
        const body = JSON.stringify(result);
        for (const secret of idsOf(a).filter((s) => !sent.includes(s))) {
          expect(body, `A's ${secret} in the answer`).not.toContain(secret);
        }
      }
    });
  }

  it("after every attack, A's rows are unchanged", async () => {
    expect(await fingerprint(h, a.org.tenantId)).toEqual(before);
  });
});

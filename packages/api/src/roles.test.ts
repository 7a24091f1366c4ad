// The role matrix: every procedure × {anonymous, deactivated, member, admin,
// owner}, each call on a fresh target so an allowed call succeeds outright.
// Each cell is a test of its own, named by its expected outcome.
import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  auditActionOf,
  callPath,
  createHarness,
  isMutation,
  outcome,
  procedurePaths,
} from './testing/harness.ts';
import type { Caller, Harness, Org } from './testing/harness.ts';

type Who = 'anonymous' | 'deactivated' | 'member' | 'admin' | 'owner';
type Minimum = 'public' | 'member' | 'admin' | 'owner';
const WHO: Who[] = ['anonymous', 'deactivated', 'member', 'admin', 'owner'];
const RANK: Record<Who, number> = { anonymous: 0, deactivated: 0, member: 1, admin: 2, owner: 3 };
const NEEDS: Record<Exclude<Minimum, 'public'>, number> = { member: 1, admin: 2, owner: 3 };

let h: Harness;
let org: Org;
let owner: Caller;
let siteId: string;
let buildingId: string;
let n = 0;
const unique = (label: string) => `${label}-${(n += 1)}-${Date.now()}`;

/** The minimum role of each procedure and a fresh, valid input for it. */
const RULES: Record<string, [Minimum, () => Promise<unknown>]> = {
  'organization.register': [
    'public',
    () =>
      Promise.resolve({
        organizationName: 'New Co',
        name: 'New',
        email: `${unique('reg')}@example.test`,
        password: 'long enough pw',
      }),
  ],
  'organization.current': ['member', () => Promise.resolve(undefined)],
  'organization.update': ['admin', () => Promise.resolve({ plan: 'team' })],
  'organization.members': ['member', () => Promise.resolve({})],
  'member.updateRole': [
    'admin',
    async () => ({ userId: (await h.addMember(org, 'MEMBER', unique('m'))).id, role: 'ADMIN' }),
  ],
  'member.deactivate': [
    'admin',
    async () => ({ userId: (await h.addMember(org, 'MEMBER', unique('m'))).id }),
  ],
  'member.reactivate': [
    'admin',
    async () => {
      const m = await h.addMember(org, 'MEMBER', unique('m'));
      await owner.member.deactivate({ userId: m.id });
      return { userId: m.id };
    },
  ],
  'member.transferOwnership': [
    'owner',
    async () => ({ userId: (await h.addMember(org, 'MEMBER', unique('m'))).id }),
  ],
  'invitation.create': ['admin', () => Promise.resolve({ email: `${unique('inv')}@example.test` })],
  'invitation.list': ['admin', () => Promise.resolve({})],
  'invitation.revoke': [
    'admin',
    async () => ({
      id: (await owner.invitation.create({ email: `${unique('rv')}@example.test` })).invitation.id,
    }),
  ],
  'invitation.preview': [
    'public',
    async () => ({ token: (await owner.invitation.create({ email: `${unique('pv')}@example.test` })).token }),
  ],
  'invitation.accept': [
    'public',
    async () => {
      const email = `${unique('acc')}@example.test`;
      const { token } = await owner.invitation.create({ email });
      return { token, email, name: 'Newcomer', password: 'long enough pw' };
    },
  ],
  'site.list': ['member', () => Promise.resolve({})],
  'site.byId': ['member', () => Promise.resolve({ id: siteId })],
  'site.create': ['member', () => Promise.resolve({ name: unique('site') })],
  'site.update': ['member', () => Promise.resolve({ id: siteId, address: unique('addr') })],
  'site.delete': ['admin', async () => ({ id: (await owner.site.create({ name: unique('doomed') })).id })],
  'building.list': ['member', () => Promise.resolve({ siteId })],
  'building.byId': ['member', () => Promise.resolve({ id: buildingId })],
  'building.create': ['member', () => Promise.resolve({ siteId, name: unique('b') })],
  'building.update': ['member', () => Promise.resolve({ id: buildingId, floors: 4 })],
  'building.delete': [
    'admin',
    async () => ({ id: (await owner.building.create({ siteId, name: unique('doomed') })).id }),
  ],
  'asset.list': ['member', () => Promise.resolve({ buildingId })],
  'asset.count': ['member', () => Promise.resolve({ buildingId })],
  'asset.byId': [
    'member',
    async () => ({
      id: (await owner.asset.create({ buildingId, tag: unique('T'), name: 'x', category: 'HVAC' })).id,
    }),
  ],
  'asset.create': [
    'member',
    () => Promise.resolve({ buildingId, tag: unique('T'), name: 'Pump', category: 'Plumbing' }),
  ],
  'asset.stats': ['member', () => Promise.resolve(undefined)],
  'asset.import': [
    'member',
    () =>
      Promise.resolve({
        importId: randomUUID(),
        rows: [{ buildingId, tag: unique('IMP'), name: 'Imported', category: 'HVAC' }],
      }),
  ],
  'asset.update': [
    'member',
    async () => ({
      id: (await owner.asset.create({ buildingId, tag: unique('T'), name: 'x', category: 'HVAC' })).id,
      status: 'MAINTENANCE',
    }),
  ],
  'asset.delete': [
    'admin',
    async () => ({
      id: (await owner.asset.create({ buildingId, tag: unique('T'), name: 'x', category: 'HVAC' })).id,
    }),
  ],
  'audit.list': ['admin', () => Promise.resolve({})],
  'apiKey.create': ['admin', () => Promise.resolve({ name: unique('key'), role: 'MEMBER' })],
  'apiKey.list': ['admin', () => Promise.resolve({})],
  'apiKey.revoke': [
    'admin',
    async () => ({ id: (await owner.apiKey.create({ name: unique('key') })).apiKey.id }),
  ],
};

function expected(minimum: Minimum, who: Who): string {
  if (minimum === 'public') return 'OK';
  if (who === 'anonymous' || who === 'deactivated') return 'UNAUTHORIZED';
  return RANK[who] >= NEEDS[minimum] ? 'OK' : 'FORBIDDEN';
}

async function auditCount(): Promise<number> {
  const [row] = await h.db.owner.rows<{ n: number }>('select count(*)::int as n from audit_events');
  return row?.n ?? 0;
}

let callers: Record<Who, Caller>;

beforeAll(async () => {
  h = await createHarness();
  org = await h.register('roles');
  owner = org.owner.caller;
  const admin = await h.addMember(org, 'ADMIN', 'admin');
  const member = await h.addMember(org, 'MEMBER', 'member');
  const gone = await h.addMember(org, 'MEMBER', 'gone');
  await owner.member.deactivate({ userId: gone.id });
  const site = await owner.site.create({ name: 'Roles HQ' });
  siteId = site.id;
  buildingId = (await owner.building.create({ siteId, name: 'Main' })).id;
  callers = {
    anonymous: h.anonymous,
    // Its sessions are gone already; this principal stands for one that outlived them.
    deactivated: await h.callerWithToken(await h.sessionFor(gone.id)),
    member: member.caller,
    admin: admin.caller,
    owner,
  };
});
afterAll(async () => {
  await h.close();
});

// Transferring ownership demotes the owner, so it goes last.
const CELLS = [
  ...procedurePaths.filter((p) => p !== 'member.transferOwnership'),
  'member.transferOwnership',
].flatMap((path) => {
  const [minimum] = RULES[path] ?? ['owner'];
  return WHO.map((who) => ({ path, who, expected: expected(minimum, who) }));
});

describe('role matrix', () => {
  it('covers every procedure of the router', () => {
    expect(procedurePaths.filter((p) => !(p in RULES))).toEqual([]);
  });

  it('every mutation names its own audit action, and no query names one', () => {
    const mutations = procedurePaths.filter(isMutation);
    expect(mutations.filter((p) => auditActionOf(p) !== p)).toEqual([]);
    expect(procedurePaths.filter((p) => !isMutation(p) && auditActionOf(p))).toEqual([]);
  });

  for (const { path, who, expected } of CELLS) {
    it(`${path} as ${who} → ${expected}`, async () => {
      const [, input] = RULES[path] ?? ['owner', () => Promise.resolve(undefined)];
      const args = await input();
      const auditBefore = await auditCount();
      const got = await outcome(callPath(callers[who], path, args));
      expect(got).toBe(expected);
      // Every mutation that went through wrote its audit event; one that was refused wrote none.
      if (isMutation(path))
        expect(await auditCount(), 'audit events').toBe(auditBefore + (got === 'OK' ? 1 : 0));
    });
  }
});

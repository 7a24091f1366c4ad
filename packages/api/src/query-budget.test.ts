// The query budget, like Django's assertNumQueries: the database round trips
// one HTTP call of each procedure costs, counted at the wire by a proxy in
// front of PostgreSQL (every extended-protocol exchange ends with one Sync).
// A change that adds a round trip fails here, and so does a procedure missing
// from the table. Counts, never times.
import { startWireCounter } from '@tenantry/db/testing';
import type { WireCounter } from '@tenantry/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkSession } from './session-check.ts';
import { createHarness, PASSWORD, procedurePaths } from './testing/harness.ts';
import type { Caller, Harness, Org } from './testing/harness.ts';
import { callOverHttp } from './testing/over-http.ts';

let h: Harness;
let org: Org;
let owner: Caller;
let counter: WireCounter;
let cookie: string;
let siteId: string;
let buildingId: string;
let n = 0;
const unique = (label: string) => `${label}-${(n += 1)}`;
const asset = async () =>
  (await owner.asset.create({ buildingId, tag: unique('T'), name: 'Pump', category: 'HVAC' })).id;
const member = async () => (await h.addMember(org, 'MEMBER', unique('m'))).id;

/**
 * Each procedure's round trips for one call, and a fresh valid input. A tenant
 * call is BEGIN, the statement that checks the session and binds the tenant,
 * its own statements and COMMIT; a mutation adds its audit row.
 */
const BUDGET: Record<string, [number, () => Promise<unknown>]> = {
  'organization.register': [
    12,
    () =>
      Promise.resolve({
        organizationName: 'Budget Co',
        name: 'B',
        email: `${unique('reg')}@example.test`,
        password: PASSWORD,
      }),
  ],
  'organization.current': [4, () => Promise.resolve(undefined)],
  'organization.update': [5, () => Promise.resolve({ plan: 'team' })],
  'organization.members': [4, () => Promise.resolve({})],
  // Writes over 5 (BEGIN, actor, write, audit, COMMIT) say what the rest is for.
  // The organization's lock, the member re-read under it, its sessions ended.
  'member.updateRole': [8, async () => ({ userId: await member(), role: 'ADMIN' })],
  // The lock, the member re-read under it, its sessions ended.
  'member.deactivate': [8, async () => ({ userId: await member() })],
  // The lock, the member re-read under it, the seats in use.
  'member.reactivate': [
    8,
    async () => {
      const userId = await member();
      await owner.member.deactivate({ userId });
      return { userId };
    },
  ],
  // The lock, the heir re-read under it; demote, promote and move owner_id.
  'member.transferOwnership': [9, async () => ({ userId: await member() })],
  // The lock, then the seats in use and the address's member and invitations, then whether
  // the address has an account in another organization.
  'invitation.create': [8, () => Promise.resolve({ email: `${unique('inv')}@example.test` })],
  'invitation.list': [4, () => Promise.resolve({})],
  'invitation.revoke': [
    5,
    async () => ({
      id: (await owner.invitation.create({ email: `${unique('rv')}@example.test` })).invitation.id,
    }),
  ],
  'invitation.preview': [
    4,
    async () => ({ token: (await owner.invitation.create({ email: `${unique('pv')}@example.test` })).token }),
  ],
  'invitation.accept': [
    15,
    async () => {
      const email = `${unique('acc')}@example.test`;
      const { token } = await owner.invitation.create({ email });
      return { token, email, name: 'Newcomer', password: PASSWORD };
    },
  ],
  'site.list': [4, () => Promise.resolve({})],
  'site.byId': [4, () => Promise.resolve({ id: siteId })],
  'site.create': [5, () => Promise.resolve({ name: unique('site') })],
  // Prisma reads the row's building count back (RETURNING cannot join).
  'site.update': [6, () => Promise.resolve({ id: siteId, address: unique('addr') })],
  'site.delete': [5, async () => ({ id: (await owner.site.create({ name: unique('doomed') })).id })],
  'building.list': [4, () => Promise.resolve({ siteId })],
  'building.byId': [4, () => Promise.resolve({ id: buildingId })],
  // Prisma reads the row's site back (RETURNING cannot join).
  'building.create': [6, () => Promise.resolve({ siteId, name: unique('b') })],
  // Prisma reads the row's site and asset count back.
  'building.update': [6, () => Promise.resolve({ id: buildingId, floors: 4 })],
  'building.delete': [
    5,
    async () => ({ id: (await owner.building.create({ siteId, name: unique('doomed') })).id }),
  ],
  'asset.list': [4, () => Promise.resolve({ buildingId })],
  'asset.count': [4, () => Promise.resolve({ buildingId, search: 'pump' })],
  'asset.byId': [4, async () => ({ id: await asset() })],
  // Prisma reads the row's building and site back.
  'asset.create': [
    6,
    () => Promise.resolve({ buildingId, tag: unique('T'), name: 'Pump', category: 'Plumbing' }),
  ],
  'asset.stats': [4, () => Promise.resolve(undefined)],
  // The existing assets of the batch's tags (created, updated or unchanged),
  // and the batch's counts added to its import (asset_imports).
  'asset.import': [
    7,
    () => Promise.resolve({ rows: [{ buildingId, tag: unique('IMP'), name: 'Imported', category: 'HVAC' }] }),
  ],
  // Prisma reads the row's building and site back.
  'asset.update': [6, async () => ({ id: await asset(), status: 'MAINTENANCE' })],
  'asset.delete': [5, async () => ({ id: await asset() })],
  'audit.list': [4, () => Promise.resolve({})],
  'apiKey.create': [5, () => Promise.resolve({ name: unique('key'), role: 'MEMBER' })],
  'apiKey.list': [4, () => Promise.resolve({})],
  'apiKey.revoke': [5, async () => ({ id: (await owner.apiKey.create({ name: unique('key') })).apiKey.id })],
};

beforeAll(async () => {
  h = await createHarness({
    through: async (url) => {
      counter = await startWireCounter(url);
      return counter.url;
    },
  });
  org = await h.register('budget');
  owner = org.owner.caller;
  siteId = (await owner.site.create({ name: 'Budget HQ' })).id;
  buildingId = (await owner.building.create({ siteId, name: 'Main' })).id;
  // The owner signs in as a browser does, and calls with better-auth's signed cookie.
  const signedIn = await h.auth.api.signInEmail({
    body: { email: org.owner.email, password: PASSWORD },
    returnHeaders: true,
  });
  cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
});
afterAll(async () => {
  await h.close();
  await counter.close();
});

/**
 * The better-auth endpoints the server opens (apps/server's routes/auth.ts),
 * called as the dashboard calls them. Its client
 * runs as tenantry_auth on connections of its own, so each of its queries is
 * one round trip; get-session is the session and its user. The server reads a
 * live session itself (checkSession, below) and leaves the rest to this path.
 */
const AUTH_BUDGET: [string, 'GET' | 'POST', number][] = [
  ['/get-session', 'GET', 2],
  ['/sign-in/email', 'POST', 4],
  ['/sign-out', 'POST', 5],
];

async function authCall(
  path: string,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
  body?: unknown,
) {
  return h.auth.handler(
    new Request(`http://localhost:3000/api/auth${path}`, {
      method,
      headers: { origin: 'http://localhost:3000', 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
}

/** A new session's cookie, as the browser keeps it after signing in. */
async function signIn(): Promise<string> {
  const signedIn = await h.auth.api.signInEmail({
    body: { email: org.owner.email, password: PASSWORD },
    returnHeaders: true,
  });
  return signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe("better-auth's endpoints", { tags: ['postgres'] }, () => {
  for (const [path, method, budget] of AUTH_BUDGET) {
    it(`${path}: ${budget}`, async () => {
      const signingIn = path === '/sign-in/email';
      // Signing out ends a session of its own, not the one the other calls use.
      const headers: Record<string, string> = signingIn
        ? {}
        : { cookie: path === '/sign-out' ? await signIn() : cookie };
      const body = signingIn
        ? { email: org.owner.email, password: PASSWORD }
        : method === 'POST'
          ? {}
          : undefined;
      counter.reset();
      const response = await authCall(path, method, headers, body);
      const sent = counter.statements().map((statement) => statement.sql);
      expect(response.status, await response.text()).toBe(200);
      expect(counter.roundTrips(), sent.join('\n')).toBe(budget);
    });
  }
});

describe('get-session, read by the server (checkSession)', { tags: ['postgres'] }, () => {
  it('the session and its user in one statement: 1', async () => {
    counter.reset();
    const answer = await checkSession(h.auth, h.authDb, { cookie, query: '' });
    const sent = counter.statements().map((statement) => statement.sql);
    expect(answer?.user.id).toBe(org.owner.id);
    expect(counter.roundTrips(), sent.join('\n')).toBe(1);
  });
});

/**
 * Each BEGIN goes out in one write with the statement after it (packages/db's
 * pipelined-begin.ts), so the client waits once fewer than its round trips per transaction.
 */
function expectBeginsPipelined(): void {
  const begins = counter.statements().filter((s) => s.sql === 'BEGIN').length;
  expect(counter.waits(), 'waits').toBe(counter.roundTrips() - begins);
}

// Transferring ownership demotes the owner, so it goes last.
const PATHS = [...procedurePaths.filter((p) => p !== 'member.transferOwnership'), 'member.transferOwnership'];

describe('query budget (round trips per HTTP call)', { tags: ['postgres'] }, () => {
  it('covers every procedure of the router', () => {
    expect(procedurePaths.filter((p) => !(p in BUDGET))).toEqual([]);
  });

  for (const path of PATHS) {
    const [budget, input] = BUDGET[path] ?? [0, () => Promise.resolve(undefined)];
    it(`${path}: ${budget}`, async () => {
      const args = await input();
      counter.reset();
      const response = await callOverHttp(h, path, args, { cookie });
      const sent = counter.statements().map((statement) => statement.sql);
      expect(response.status, await response.text()).toBe(200);
      expect(counter.roundTrips(), sent.join('\n')).toBe(budget);
      expectBeginsPipelined();
    });
  }
});

// asset.list in a sort other than newest first, or with a trigram search, is
// one raw statement of its own (domains/asset/service.ts): the same budget.
describe('query budget: asset.list sorted or searched', { tags: ['postgres'] }, () => {
  it.each([
    { sort: 'name', order: 'asc' },
    { sort: 'status', order: 'desc', buildingId: '' },
    { sort: 'updated', search: 'pump' },
    { search: 'pump' },
  ])('%j: 4', async (input) => {
    const args = { ...input, ...('buildingId' in input ? { buildingId } : {}) };
    counter.reset();
    const response = await callOverHttp(h, 'asset.list', args, { cookie });
    expect(response.status, await response.text()).toBe(200);
    expect(
      counter.roundTrips(),
      counter
        .statements()
        .map((s) => s.sql)
        .join('\n'),
    ).toBe(4);
    expectBeginsPipelined();
  });
});

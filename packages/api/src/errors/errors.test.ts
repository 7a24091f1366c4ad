// The error catalog end to end: a domain rule and a database constraint each
// reach the client as their own code, on their field, over HTTP.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createContext } from '../context.ts';
import { appRouter } from '../root.ts';
import { credentialHeaders } from '../testing/credentials.ts';
import { createHarness, PASSWORD } from '../testing/harness.ts';
import type { Harness, Org } from '../testing/harness.ts';
import { APP_ERRORS } from './catalog.ts';

let h: Harness;
let org: Org;
let buildingId: string;

beforeAll(async () => {
  h = await createHarness();
  org = await h.register('errors');
  const site = await org.owner.caller.site.create({ name: 'HQ' });
  buildingId = (await org.owner.caller.building.create({ siteId: site.id, name: 'Main' })).id;
  await org.owner.caller.asset.create({ buildingId, tag: 'T-1', name: 'Pump', category: 'Plumbing' });
});
afterAll(() => h.close());

interface ErrorBody {
  error: { json: { message: string; data: { code: string; appCode: string | null; field: string | null } } };
}

/** Calls a mutation over HTTP (as the owner, or anonymously with a null token) and returns the error the client would read. */
async function callOverHttp(path: string, input: unknown, token: string | null = org.owner.token) {
  const response = await fetchRequestHandler({
    endpoint: '/trpc',
    router: appRouter,
    req: new Request(`http://localhost/trpc/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await credentialHeaders(h.auth, token)),
      },
      body: JSON.stringify(superjson.serialize(input)),
    }),
    createContext: ({ req }) => createContext({ db: h.prisma, auth: h.auth, headers: req.headers }),
  });
  return { status: response.status, body: ((await response.json()) as ErrorBody).error.json };
}

describe('the error catalog', () => {
  it('gives every code a tRPC code and a message', () => {
    for (const [code, spec] of Object.entries(APP_ERRORS)) {
      expect(spec.trpc, code).toMatch(/^[A-Z_]+$/);
      expect(spec.message.length, code).toBeGreaterThan(5);
    }
  });

  it('a rule in a service: a taken asset tag is ASSET_TAG_TAKEN on the tag field', async () => {
    const { status, body } = await callOverHttp('asset.create', {
      buildingId,
      tag: 'T-1',
      name: 'Second pump',
      category: 'Plumbing',
    });
    expect(status).toBe(409);
    expect(body.data).toMatchObject({ code: 'CONFLICT', appCode: 'ASSET_TAG_TAKEN', field: 'tag' });
    expect(body.message).toBe('Asset tag T-1 is already in use.');
  });

  it('a database constraint: a taken site name is SITE_NAME_TAKEN on the name field, naming no constraint', async () => {
    const { status, body } = await callOverHttp('site.create', { name: 'HQ' });
    expect(status).toBe(409);
    expect(body.data).toMatchObject({ code: 'CONFLICT', appCode: 'SITE_NAME_TAKEN', field: 'name' });
    expect(body.message).not.toMatch(/sites_|_key|constraint/);
  });

  it('a taken email at sign-up is EMAIL_TAKEN on the email field', async () => {
    const { body } = await callOverHttp(
      'organization.register',
      { organizationName: 'Twice', name: 'Twice', email: org.owner.email, password: PASSWORD },
      null,
    );
    expect(body.data).toMatchObject({ code: 'CONFLICT', appCode: 'EMAIL_TAKEN', field: 'email' });
  });

  it('seats exhausted and a taken tag share CONFLICT but not their code', async () => {
    await org.owner.caller.organization.update({ seats: 1 });
    const { body } = await callOverHttp('member.reactivate', {
      userId: (await deactivatedMember()).id,
    });
    expect(body.data).toMatchObject({ code: 'CONFLICT', appCode: 'SEATS_EXHAUSTED', field: null });
  });

  it('an error outside the catalog carries no app code', async () => {
    const { body } = await callOverHttp('site.create', { name: '' });
    expect(body.data).toMatchObject({ code: 'BAD_REQUEST', appCode: null, field: null });
  });
});

async function deactivatedMember() {
  await org.owner.caller.organization.update({ seats: 5 });
  const member = await h.addMember(org, 'MEMBER', 'seat-taker');
  await org.owner.caller.member.deactivate({ userId: member.id });
  await org.owner.caller.organization.update({ seats: 1 });
  return member;
}

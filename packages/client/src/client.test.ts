// The client against a real server over HTTP (test-only use of apps/server).
import { cookieFetch, startTestServer } from '@tenantry/server/testing';
import type { TestServer } from '@tenantry/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTenantryClient, TenantryError } from './index.ts';

let s: TestServer;
let apiKey: string;

beforeAll(async () => {
  s = await startTestServer();
  // The owner signs up in a browser (a cookie session), and makes the key a sibling app uses.
  const owner = createTenantryClient({ url: s.url, fetch: cookieFetch('http://localhost:5173').fetch });
  await owner.organization.register.mutate({
    organizationName: 'Client Co',
    name: 'Cleo',
    email: 'cleo@example.test',
    password: 'a long password',
  });
  apiKey = (await owner.apiKey.create.mutate({ name: 'sibling app', role: 'ADMIN' })).secret;
});
afterAll(() => s.close());

describe('createTenantryClient', () => {
  it('calls the API with a tenant API key, batching parallel queries, with Dates intact', async () => {
    const client = createTenantryClient({ url: `${s.url}/`, apiKey });
    const site = await client.site.create.mutate({ name: 'HQ' });
    expect(site.createdAt).toBeInstanceOf(Date);
    const [sites, current] = await Promise.all([
      client.site.list.query({}),
      client.organization.current.query(),
    ]);
    expect(sites.items.map((x) => x.id)).toEqual([site.id]);
    expect(current.me.viaApiKey).toBe(true);
  });

  it('throws TenantryError with the code, the message and the field errors', async () => {
    const client = createTenantryClient({ url: s.url, apiKey });
    const error = await client.site.create.mutate({ name: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TenantryError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    expect((error as TenantryError).fieldErrors.name).toEqual(['is required']);
    expect((error as TenantryError).message).toBe('name is required');

    const missing = await client.site.byId
      .query({ id: '019a0000-0000-7000-8000-000000000001' })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'Site not found', appCode: 'NOT_FOUND' });
  });

  it("exposes the API's own error code and the field it concerns", async () => {
    const client = createTenantryClient({ url: s.url, apiKey });
    await client.site.create.mutate({ name: 'Depot' });
    const taken = await client.site.create.mutate({ name: 'Depot' }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(TenantryError);
    expect(taken).toMatchObject({ code: 'CONFLICT', appCode: 'SITE_NAME_TAKEN', field: 'name' });
    const invalid = await client.site.create.mutate({ name: '' }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ appCode: null, field: null });
  });

  it('reports a bad key as UNAUTHORIZED and an unreachable server as NETWORK_ERROR', async () => {
    const wrong = createTenantryClient({ url: s.url, apiKey: `${apiKey.slice(0, -4)}AAAA` });
    await expect(wrong.site.list.query({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const nowhere = createTenantryClient({ url: 'http://127.0.0.1:1' });
    await expect(nowhere.site.list.query({})).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });
});

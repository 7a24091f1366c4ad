// Outputs: the procedures that sibling apps rely on (the client's tests and the
// CLI call them) declare what they return, and only that leaves the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHarness, hasOutput, procedurePaths } from './testing/harness.ts';
import type { Harness, Org } from './testing/harness.ts';

/** What @tenantry/client's callers and apps/cli use; a new one joins this list with its `.output()`. */
const RELIED_ON = [
  'organization.register',
  'organization.current',
  'organization.update',
  'organization.members',
  'site.list',
  'site.byId',
  'site.create',
  'site.update',
  'building.list',
  'building.byId',
  'building.create',
  'building.update',
  'asset.list',
  'asset.byId',
  'asset.create',
  'asset.update',
  'asset.import',
  'apiKey.create',
  'apiKey.list',
  'apiKey.revoke',
];

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness();
  org = await h.register('outputs');
});
afterAll(() => h.close());

describe('outputs', () => {
  it('every procedure sibling apps rely on declares its output', () => {
    expect(RELIED_ON.filter((p) => !procedurePaths.includes(p))).toEqual([]);
    expect(RELIED_ON.filter((p) => !hasOutput(p))).toEqual([]);
  });

  it('answers carry exactly the declared fields', async () => {
    const site = await org.owner.caller.site.create({ name: 'Outputs HQ' });
    expect(Object.keys(site).sort()).toEqual(['_count', 'address', 'createdAt', 'id', 'name', 'updatedAt']);
    const current = await org.owner.caller.organization.current();
    expect(Object.keys(current.me).sort()).toEqual(['email', 'id', 'name', 'role', 'viaApiKey']);
    const { apiKey } = await org.owner.caller.apiKey.create({ name: 'outputs' });
    expect(apiKey).not.toHaveProperty('keyHash');
  });
});

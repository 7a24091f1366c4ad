// The audit log describes itself: each event names its target at write time
// (data.label), the list joins the actor's current name, and an import of many
// batches is one event whose counts the server added up (asset_imports).
import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHarness, outcome } from '../../testing/harness.ts';
import type { Caller, Harness, Org } from '../../testing/harness.ts';

let h: Harness;
let a: Org;
let owner: Caller;
let buildingId: string;

beforeAll(async () => {
  h = await createHarness();
  a = await h.register('audit');
  owner = a.owner.caller;
  const site = await owner.site.create({ name: 'North Campus' });
  buildingId = (await owner.building.create({ siteId: site.id, name: 'Boiler house' })).id;
});
afterAll(() => h.close());

const rowsOf = (prefix: string, from: number, to: number, building = buildingId) =>
  Array.from({ length: to - from }, (_, i) => ({
    buildingId: building,
    tag: `${prefix}-${from + i}`,
    name: `Imported ${from + i}`,
    category: 'Imported',
  }));

async function eventsOf(caller: Caller, action: string) {
  return (await caller.audit.list({ action, limit: 100 })).items.filter((e) => e.action === action);
}

describe('audit events describe their target', () => {
  it('names the target at write time, so a deleted one still reads by name', async () => {
    const asset = await owner.asset.create({ buildingId, tag: 'BLR-1', name: 'Boiler', category: 'HVAC' });
    await owner.asset.update({ id: asset.id, status: 'OUT_OF_SERVICE' });
    await owner.asset.delete({ id: asset.id });
    const [deleted] = await eventsOf(owner, 'asset.delete');
    const [updated] = await eventsOf(owner, 'asset.update');
    expect(deleted?.data).toMatchObject({ label: 'Boiler', tag: 'BLR-1' });
    expect(updated?.data).toMatchObject({ label: 'Boiler', status: 'OUT_OF_SERVICE' });
    const site = await owner.site.create({ name: 'South Campus' });
    await owner.site.update({ id: site.id, address: '2 Polar Way' });
    const [siteUpdate] = await eventsOf(owner, 'site.update');
    expect(siteUpdate?.data).toMatchObject({ label: 'South Campus', address: '2 Polar Way' });
  });

  it('names what a revoke revoked', async () => {
    const key = await owner.apiKey.create({ name: 'CI importer' });
    await owner.apiKey.revoke({ id: key.apiKey.id });
    const invitation = await owner.invitation.create({ email: 'temp@example.test', role: 'MEMBER' });
    await owner.invitation.revoke({ id: invitation.invitation.id });
    expect((await eventsOf(owner, 'apiKey.revoke'))[0]?.data).toMatchObject({ label: 'CI importer' });
    expect((await eventsOf(owner, 'invitation.revoke'))[0]?.data).toMatchObject({
      label: 'temp@example.test',
    });
  });

  it("names the member of a member event, and joins the actor's current name", async () => {
    const bob = await h.addMember(a, 'MEMBER', 'audit-bob');
    await owner.member.updateRole({ userId: bob.id, role: 'ADMIN' });
    await h.db.owner.exec(`update users set name = 'Ada Renamed' where id = '${a.owner.id}'`);
    const [event] = await eventsOf(owner, 'member.updateRole');
    const [bobRow] = await h.db.owner.rows<{ name: string }>(`select name from users where id = '${bob.id}'`);
    expect(event?.data).toMatchObject({ label: bobRow?.name, from: 'MEMBER', to: 'ADMIN' });
    expect(event?.actor).toMatchObject({ id: a.owner.id, name: 'Ada Renamed' });
  });
});

describe('an import is one audit event with the server’s counts', () => {
  it('adds up its batches, updates included, into one event', async () => {
    const importId = randomUUID();
    await owner.asset.import({ importId, rows: rowsOf('ONE', 0, 100) });
    await owner.asset.import({ importId, rows: rowsOf('ONE', 100, 150) });
    // A re-run of the first 10 rows with one changed: 1 updated, 9 unchanged.
    const again = rowsOf('ONE', 0, 10).map((row, i) => (i === 0 ? { ...row, name: 'Renamed' } : row));
    await owner.asset.import({ importId, rows: again });
    const events = (await eventsOf(owner, 'asset.import')).filter(
      (e) => e.assetImport?.created === 150 && e.assetImport.batches === 3,
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.assetImport).toMatchObject({ created: 150, updated: 1, unchanged: 9, batches: 3 });
    const [count] = await h.db.owner.rows<{ n: number }>(
      `select count(*)::int as n from audit_events where import_id = '${importId}'`,
    );
    expect(count?.n).toBe(1);
  });

  it('counts parallel batches of one import exactly, with exactly one event', async () => {
    const importId = randomUUID();
    const batches = 8;
    const results = await Promise.all(
      Array.from({ length: batches }, (_, b) =>
        owner.asset.import({ importId, rows: rowsOf('PAR', b * 25, (b + 1) * 25) }),
      ),
    );
    expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(batches * 25);
    const [row] = await h.db.owner.rows<{ created: number; batches: number; events: number }>(
      `select i.created, i.batches,
              (select count(*)::int from audit_events e where e.import_id = i.id) as events
         from asset_imports i where i.id = '${importId}'`,
    );
    expect(row).toEqual({ created: batches * 25, batches, events: 1 });
  });

  it('a call without an importId is an import of its own', async () => {
    const before = (await eventsOf(owner, 'asset.import')).length;
    await owner.asset.import({ rows: rowsOf('SOLO', 0, 2) });
    await owner.asset.import({ rows: rowsOf('SOLO', 2, 4) });
    const events = await eventsOf(owner, 'asset.import');
    expect(events).toHaveLength(before + 2);
    expect(events[0]?.assetImport).toMatchObject({ created: 2, batches: 1 });
  });

  it("never joins another tenant's import: the same importId is another row there", async () => {
    const importId = randomUUID();
    await owner.asset.import({ importId, rows: rowsOf('XT', 0, 3) });
    const b = await h.register('audit-b');
    const bSite = await b.owner.caller.site.create({ name: 'B site' });
    const bBuilding = await b.owner.caller.building.create({ siteId: bSite.id, name: 'B building' });
    await b.owner.caller.asset.import({ importId, rows: rowsOf('XT', 0, 5, bBuilding.id) });
    const aEvent = (await eventsOf(owner, 'asset.import')).find((e) => e.assetImport?.created === 3);
    const [bEvent] = await eventsOf(b.owner.caller, 'asset.import');
    expect(aEvent?.assetImport).toMatchObject({ created: 3, batches: 1 });
    expect(bEvent?.assetImport).toMatchObject({ created: 5, batches: 1 });
  });

  it("refuses another member's import, and one idle for over an hour, writing nothing", async () => {
    const importId = randomUUID();
    await owner.asset.import({ importId, rows: rowsOf('OWN', 0, 1) });
    const admin = await h.addMember(a, 'ADMIN', 'audit-admin');
    expect(await outcome(admin.caller.asset.import({ importId, rows: rowsOf('OWN', 1, 2) }))).toBe(
      'CONFLICT',
    );
    await h.db.owner.exec(
      `update asset_imports set last_batch_at = now() - interval '2 hours' where id = '${importId}'`,
    );
    expect(await outcome(owner.asset.import({ importId, rows: rowsOf('OWN', 1, 2) }))).toBe('CONFLICT');
    expect((await owner.asset.list({ tag: 'OWN-1' })).items).toEqual([]);
  });
});

// Races against the invariants of docs/SECURITY.md ("Invariants"): parallel
// service calls, each in its own transaction, and the database's end state
// read as the schema owner after every round.
//
// On PostgreSQL (TEST_DATABASE_URL) the calls run at once on separate pooled
// connections, so they really interleave. PGlite is one connection and runs
// transactions one after the other: there the same rounds check that every
// order of the calls ends in a valid state, but cannot interleave them.
// packages/db/src/invariants.test.ts interleaves raw transactions step by step
// to prove the database's own guards without the services' locks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHarness, outcome, PASSWORD } from './testing/harness.ts';
import type { Caller, Harness, Member, Org } from './testing/harness.ts';

const ROUNDS = 10;

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** The app error code a call ended with ('OK' when it succeeded). */
async function appOutcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    if (typeof cause?.code === 'string') return cause.code;
    const code = (error as { code?: string }).code;
    // An unexpected error shows its message, so a failed expectation says what broke.
    return code && code !== 'INTERNAL_SERVER_ERROR'
      ? code
      : `${code ?? 'UNKNOWN'}: ${(error as Error).message}`;
  }
}

const count = (results: string[], value: string) => results.filter((r) => r === value).length;

async function one<T>(sql: string): Promise<T> {
  const [row] = await h.db.owner.rows<T>(sql);
  if (!row) throw new Error(`no row: ${sql}`);
  return row;
}

/** Who owns the tenant, as the database says. */
async function owners(tenantId: string) {
  const owners = await h.db.owner.rows<{ id: string; is_active: boolean }>(
    `select id, is_active from users where tenant_id = '${tenantId}' and role = 'OWNER'`,
  );
  const org = await one<{ owner_id: string }>(
    `select owner_id from tenant_organisations where tenant_id = '${tenantId}'`,
  );
  return { owners, ownerId: org.owner_id };
}

async function seatsAndActive(tenantId: string) {
  return one<{ seats: number; active: number }>(`
    select o.seats, (select count(*)::int from users u where u.tenant_id = o.tenant_id and u.is_active) as active
      from tenant_organisations o where o.tenant_id = '${tenantId}'`);
}

const setSeats = (org: Org, seats: number) =>
  h.db.owner.exec(`update tenant_organisations set seats = ${seats} where tenant_id = '${org.tenantId}'`);

describe('exactly one owner per tenant', () => {
  it(`two transfers sent at once to two admins leave one owner, named by the organization (${ROUNDS} rounds)`, async () => {
    const org = await h.register('transfers');
    const people: Record<string, Caller> = { [org.owner.id]: org.owner.caller };
    for (const label of ['heir-a', 'heir-b']) {
      const m = await h.addMember(org, 'ADMIN', label);
      people[m.id] = m.caller;
    }
    let ownerId = org.owner.id;
    for (let round = 0; round < ROUNDS; round += 1) {
      const heirs = Object.keys(people).filter((id) => id !== ownerId);
      const caller = people[ownerId] as Caller;
      const results = await Promise.all(
        heirs.map((userId) => appOutcome(caller.member.transferOwnership({ userId }))),
      );
      // The loser waited for the winner's lock (OWNERSHIP_CHANGED), or began after the
      // winner committed and was no longer the owner (FORBIDDEN; always so on PGlite).
      expect(count(results, 'OK')).toBe(1);
      expect(['OWNERSHIP_CHANGED', 'FORBIDDEN']).toContain(results.find((r) => r !== 'OK'));
      const state = await owners(org.tenantId);
      expect(state.owners).toHaveLength(1);
      expect(state.owners[0]).toEqual({ id: state.ownerId, is_active: true });
      expect(heirs).toContain(state.ownerId);
      ownerId = state.ownerId;
    }
    const roles = await h.db.owner.rows<{ role: string }>(
      `select role from users where tenant_id = '${org.tenantId}' order by role`,
    );
    expect(roles.map((r) => r.role)).toEqual(['OWNER', 'ADMIN', 'ADMIN']);
  });

  it('a transfer racing the deactivation of its heir leaves an active owner', async () => {
    const org = await h.register('transfer-deactivate');
    let ownerId = org.owner.id;
    let ownerCaller = org.owner.caller;
    const admin = await h.addMember(org, 'ADMIN', 'bystander');
    for (let round = 0; round < 4; round += 1) {
      const heir = await h.addMember(org, 'MEMBER', `heir-${round}`);
      // The bystander admin deactivates the heir while the owner hands it the tenant.
      const [transfer, deactivation] = await Promise.all([
        appOutcome(ownerCaller.member.transferOwnership({ userId: heir.id })),
        appOutcome(admin.caller.member.deactivate({ userId: heir.id })),
      ]);
      const state = await owners(org.tenantId);
      expect(state.owners).toHaveLength(1);
      expect(state.owners[0]).toEqual({ id: state.ownerId, is_active: true });
      if (transfer === 'OK') {
        // Deactivated first, then ownership could not go to it; or the heir became the owner first.
        expect(deactivation).toBe('OWNER_NOT_DEACTIVATABLE');
        expect(state.ownerId).toBe(heir.id);
        ownerId = heir.id;
        ownerCaller = heir.caller;
      } else {
        expect([transfer, deactivation]).toEqual(['OWNERSHIP_TO_INACTIVE', 'OK']);
        expect(state.ownerId).toBe(ownerId);
      }
    }
  });
});

describe('seats cover the active members', () => {
  let org: Org;
  let members: Member[];

  beforeAll(async () => {
    org = await h.register('seats');
    members = [];
    for (let i = 0; i < 4; i += 1) members.push(await h.addMember(org, 'MEMBER', `seat-${i}`));
  });

  async function deactivateAll() {
    for (const m of members) await org.owner.caller.member.deactivate({ userId: m.id });
  }

  it(`parallel reactivations never exceed the seats (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      await deactivateAll();
      const seats = 1 + (round % 4); // the owner, then 0 to 3 free seats
      await org.owner.caller.organization.update({ seats });
      const results = await Promise.all(
        members.map((m) => appOutcome(org.owner.caller.member.reactivate({ userId: m.id }))),
      );
      expect(count(results, 'OK')).toBe(seats - 1);
      expect(count(results, 'SEATS_EXHAUSTED')).toBe(members.length - (seats - 1));
      expect(await seatsAndActive(org.tenantId)).toEqual({ seats, active: seats });
    }
  });

  it(`a seats update racing reactivations never leaves more members than seats (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      await deactivateAll();
      await org.owner.caller.organization.update({ seats: 5 });
      const target = 1 + (round % 3);
      const [update, ...reactivations] = await Promise.all([
        appOutcome(org.owner.caller.organization.update({ seats: target })),
        ...members.map((m) => appOutcome(org.owner.caller.member.reactivate({ userId: m.id }))),
      ]);
      const end = await seatsAndActive(org.tenantId);
      expect(end.active).toBeLessThanOrEqual(end.seats);
      expect(end.active).toBe(1 + count(reactivations, 'OK'));
      expect(reactivations.every((r) => r === 'OK' || r === 'SEATS_EXHAUSTED')).toBe(true);
      if (update === 'OK') expect(end.seats).toBe(target);
      else expect([update, end.seats]).toEqual(['SEATS_BELOW_ACTIVE', 5]);
    }
  });

  it('a seats update racing accepts: pending invitations hold their seats, so the update is refused', async () => {
    const s = await h.register('seats-accepts');
    await s.owner.caller.organization.update({ seats: 5 });
    for (let round = 0; round < 3; round += 1) {
      const emails = [0, 1, 2, 3].map((i) => `sa-${round}-${i}@example.test`);
      const invitations = await Promise.all(
        emails.map((email) => s.owner.caller.invitation.create({ email })),
      );
      const [update, ...accepts] = await Promise.all([
        appOutcome(s.owner.caller.organization.update({ seats: 1 })),
        ...invitations.map((inv, i) =>
          appOutcome(
            h.anonymous.invitation.accept({
              token: inv.token,
              email: emails[i] as string,
              name: 'New',
              password: PASSWORD,
            }),
          ),
        ),
      ]);
      expect(['SEATS_HELD_BY_INVITATIONS', 'SEATS_BELOW_ACTIVE']).toContain(update);
      expect(accepts).toEqual(['OK', 'OK', 'OK', 'OK']);
      expect(await seatsAndActive(s.tenantId)).toEqual({ seats: 5, active: 5 });
      // Make room for the next round.
      const ids = await h.db.owner.rows<{ id: string }>(
        `select id from users where tenant_id = '${s.tenantId}' and role <> 'OWNER' and is_active`,
      );
      for (const { id } of ids) await s.owner.caller.member.deactivate({ userId: id });
    }
  });

  it('parallel accepts beyond the seats left (invitations issued before seats went down) fill them and no more', async () => {
    for (let round = 0; round < 3; round += 1) {
      const s = await h.register(`accepts-${round}`);
      await s.owner.caller.organization.update({ seats: 10 });
      const emails = Array.from({ length: 5 }, (_, i) => `pa-${round}-${i}@example.test`);
      const invitations = await Promise.all(
        emails.map((email) => s.owner.caller.invitation.create({ email })),
      );
      await setSeats(s, 3); // as the owner: below what the invitations hold
      const results = await Promise.all(
        invitations.map((inv, i) =>
          appOutcome(
            h.anonymous.invitation.accept({
              token: inv.token,
              email: emails[i] as string,
              name: 'New',
              password: PASSWORD,
            }),
          ),
        ),
      );
      expect(count(results, 'OK')).toBe(2);
      expect(count(results, 'SEATS_EXHAUSTED')).toBe(3);
      expect(await seatsAndActive(s.tenantId)).toEqual({ seats: 3, active: 3 });
      const accepted = await one<{ n: number }>(
        `select count(*)::int as n from invitations where tenant_id = '${s.tenantId}' and accepted_at is not null`,
      );
      expect(accepted.n).toBe(2);
    }
  });

  it('one invitation accepted five times at once makes one member', async () => {
    const s = await h.register('same-token');
    for (let round = 0; round < 3; round += 1) {
      const email = `once-${round}@example.test`;
      const { token } = await s.owner.caller.invitation.create({ email });
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          appOutcome(h.anonymous.invitation.accept({ token, email, name: 'Once', password: PASSWORD })),
        ),
      );
      expect(count(results, 'OK')).toBe(1);
      expect(count(results, 'INVITATION_USED')).toBe(4);
      const users = await one<{ n: number; accounts: number }>(`
        select count(*)::int as n,
               (select count(*)::int from accounts a join users u on u.id = a.user_id where u.email = '${email}') as accounts
          from users where email = '${email}'`);
      expect(users).toEqual({ n: 1, accounts: 1 });
    }
  });
});

describe('one asset per tag per tenant', () => {
  it(`asset.create and asset.import of one tag at once leave one row; a loser gets ASSET_TAG_TAKEN (${ROUNDS} rounds)`, async () => {
    const org = await h.register('tags');
    const caller = org.owner.caller;
    const site = await caller.site.create({ name: 'Tag site' });
    const building = await caller.building.create({ siteId: site.id, name: 'Tag building' });
    const row = (tag: string, name: string) => ({ buildingId: building.id, tag, name, category: 'HVAC' });
    for (let round = 0; round < ROUNDS; round += 1) {
      const tag = `RACE-${round}`;
      const results = await Promise.all([
        appOutcome(caller.asset.create(row(tag, 'created'))),
        appOutcome(caller.asset.import({ rows: [row(tag, 'imported')] })),
        appOutcome(caller.asset.create(row(tag, 'created again'))),
        appOutcome(caller.asset.import({ rows: [row(tag, 'imported again')] })),
      ]);
      expect(results.every((r) => r === 'OK' || r === 'ASSET_TAG_TAKEN')).toBe(true);
      // The two creates cannot both win; an import that comes second updates the row instead.
      expect(
        count(
          results.filter((_, i) => i % 2 === 0),
          'OK',
        ),
      ).toBeLessThanOrEqual(1);
      expect(count(results, 'OK')).toBeGreaterThanOrEqual(1);
      const rows = await one<{ n: number }>(
        `select count(*)::int as n from assets where tenant_id = '${org.tenantId}' and tag = '${tag}'`,
      );
      expect(rows.n).toBe(1);
    }
  });
});

describe('no building without its site', () => {
  it(`a site deleted while a building is created in it: one fails cleanly, nothing is orphaned (${ROUNDS} rounds)`, async () => {
    const org = await h.register('orphans');
    const caller = org.owner.caller;
    for (let round = 0; round < ROUNDS; round += 1) {
      const site = await caller.site.create({ name: `Doomed ${round}` });
      const [deletion, creation] = await Promise.all([
        appOutcome(caller.site.delete({ id: site.id })),
        appOutcome(caller.building.create({ siteId: site.id, name: 'Late' })),
      ]);
      const state = await one<{ sites: number; buildings: number; orphans: number }>(`
        select (select count(*)::int from sites where id = '${site.id}') as sites,
               (select count(*)::int from buildings where site_id = '${site.id}') as buildings,
               (select count(*)::int from buildings b
                  where b.tenant_id = '${org.tenantId}'
                    and not exists (select 1 from sites s where s.tenant_id = b.tenant_id and s.id = b.site_id)) as orphans`);
      expect(state.orphans).toBe(0);
      if (deletion === 'OK') {
        // The site went first: the building's foreign key finds no site.
        expect(creation).toBe('NOT_FOUND');
        expect(state).toMatchObject({ sites: 0, buildings: 0 });
      } else {
        expect(creation).toBe('OK');
        expect(['SITE_HAS_BUILDINGS', 'STILL_IN_USE']).toContain(deletion);
        expect(state).toMatchObject({ sites: 1, buildings: 1 });
      }
    }
  });
});

describe('a failure midway leaves nothing half-done', () => {
  beforeAll(async () => {
    await h.db.owner.exec(`
      create function inject_audit_failure() returns trigger language plpgsql as $$
      begin raise exception 'injected failure on %', tg_table_name; end $$;`);
  });

  async function withFailingAudit<T>(fn: () => Promise<T>): Promise<T> {
    await h.db.owner.exec(
      `create trigger inject_audit_failure before insert on audit_events for each row execute function inject_audit_failure()`,
    );
    try {
      return await fn();
    } finally {
      await h.db.owner.exec(`drop trigger inject_audit_failure on audit_events`);
    }
  }

  const snapshot = (tenantId: string) =>
    h.db.owner.rows(`
      select u.id, u.role, u.is_active, o.owner_id, o.seats
        from users u join tenant_organisations o on o.tenant_id = u.tenant_id
       where u.tenant_id = '${tenantId}' order by u.id`);

  it('an ownership transfer whose audit row fails changes no role and no owner', async () => {
    const org = await h.register('fault-transfer');
    const heir = await h.addMember(org, 'ADMIN', 'fault-heir');
    const before = await snapshot(org.tenantId);
    const result = await withFailingAudit(() =>
      outcome(org.owner.caller.member.transferOwnership({ userId: heir.id })),
    );
    expect(result).toBe('INTERNAL_SERVER_ERROR');
    expect(await snapshot(org.tenantId)).toEqual(before);
  });

  it('an accept whose audit row fails creates no member, no credential, and leaves the invitation open', async () => {
    const org = await h.register('fault-accept');
    const email = 'fault-accept@example.test';
    const { invitation, token } = await org.owner.caller.invitation.create({ email });
    const before = await snapshot(org.tenantId);
    const result = await withFailingAudit(() =>
      outcome(h.anonymous.invitation.accept({ token, email, name: 'Fault', password: PASSWORD })),
    );
    expect(result).toBe('INTERNAL_SERVER_ERROR');
    expect(await snapshot(org.tenantId)).toEqual(before);
    const left = await one<{ users: number; accounts: number; accepted: boolean }>(`
      select (select count(*)::int from users where email = '${email}') as users,
             (select count(*)::int from accounts a join users u on u.id = a.user_id where u.email = '${email}') as accounts,
             (select accepted_at is not null from invitations where id = '${invitation.id}') as accepted`);
    expect(left).toEqual({ users: 0, accounts: 0, accepted: false });
    // And the same invitation still works once the fault is gone.
    expect(
      await outcome(h.anonymous.invitation.accept({ token, email, name: 'Fault', password: PASSWORD })),
    ).toBe('OK');
  });
});

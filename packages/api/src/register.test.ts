// Registration is all or nothing: a failure injected at each of its steps (a
// trigger that raises on insert) leaves no row behind; twenty parallel
// registrations with one email give exactly one organization.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHarness, outcome, PASSWORD } from './testing/harness.ts';
import type { Harness } from './testing/harness.ts';

const STEPS = ['tenants', 'users', 'accounts', 'tenant_organisations', 'audit_events'];
const TABLES = [...STEPS, 'sessions'];

let h: Harness;

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await h.db.owner.rows<{ n: number }>(`select count(*)::int as n from ${table}`);
    out[table] = row?.n ?? 0;
  }
  return out;
}

beforeAll(async () => {
  h = await createHarness();
  await h.db.owner.exec(`
    create function inject_failure() returns trigger language plpgsql as $$
    begin raise exception 'injected failure on %', tg_table_name; end $$;`);
  await h.register('existing');
});
afterAll(() => h.close());

describe('organization.register is one transaction', () => {
  it.each(STEPS)('a failure while writing %s leaves nothing behind', async (table) => {
    const before = await counts();
    await h.db.owner.exec(
      `create trigger inject_failure before insert on ${table} for each row execute function inject_failure()`,
    );
    try {
      const attempt = h.anonymous.organization.register({
        organizationName: 'Doomed',
        name: 'Doomed Owner',
        email: `doomed-${table}@example.test`,
        password: PASSWORD,
      });
      expect(await outcome(attempt)).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await h.db.owner.exec(`drop trigger inject_failure on ${table}`);
    }
    expect(await counts()).toEqual(before);
  });

  // On PostgreSQL (TEST_DATABASE_URL) the twenty run at once on pooled
  // connections and meet at the unique email; PGlite runs them one by one.
  it('20 parallel registrations with one email give exactly one success and no orphan', async () => {
    const email = 'race@example.test';
    const before = await counts();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        outcome(
          h.anonymous.organization.register({
            organizationName: `Race ${i}`,
            name: 'Racer',
            email,
            password: PASSWORD,
          }),
        ),
      ),
    );
    expect(results.filter((r) => r === 'OK')).toHaveLength(1);
    expect(results.filter((r) => r === 'CONFLICT')).toHaveLength(19);
    const orphans = await h.db.owner.rows(
      `select t.id from tenants t left join tenant_organisations o on o.tenant_id = t.id where o.id is null`,
    );
    expect(orphans).toEqual([]);
    const [row] = await h.db.owner.rows<{ n: number }>(
      `select count(*)::int as n from tenant_organisations o join users u on u.id = o.owner_id where u.email = '${email}'`,
    );
    expect(row?.n).toBe(1);
    // One of each row a registration writes (and one session), nothing from the 19 that lost.
    const after = await counts();
    for (const table of TABLES) expect(after[table], table).toBe((before[table] ?? 0) + 1);
    const [winner] = await h.db.owner.rows<{ role: string; owner: boolean; accounts: number }>(`
      select u.role, o.owner_id = u.id as owner,
             (select count(*)::int from accounts a where a.user_id = u.id) as accounts
        from users u join tenant_organisations o on o.tenant_id = u.tenant_id where u.email = '${email}'`);
    expect(winner).toEqual({ role: 'OWNER', owner: true, accounts: 1 });
  });
});

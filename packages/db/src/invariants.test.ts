// The database's own guards for one owner per tenant and for seats (migration
// *_owner_seat_invariants), with no service code and no lock taken by the
// caller: raw SQL as the app role, under RLS. The first block runs on both
// databases, one transaction at a time. The second, on PostgreSQL only,
// interleaves two connections statement by statement: B's write is sent while
// A's transaction is still open, then A commits. Whether B reached its lock
// wait before A's commit or not, the end state must be the same, so no timing
// enters the test. packages/api/src/invariants.test.ts races the services.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { APP_ROLE } from './client.ts';
import { MIGRATIONS_DIR, migrate, readMigrations } from './migrate.ts';
import { withTenant } from './tenant.ts';
import { insertTenant } from './testing/fixtures.ts';
import type { TenantRows } from './testing/fixtures.ts';
import { createTestDatabase } from './testing/test-db.ts';
import type { TestDatabase } from './testing/test-db.ts';

let db: TestDatabase;
let t: TenantRows;
let members: string[];
let label = 0;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

/** A fresh tenant (its owner active, seats 5) with four inactive members. */
beforeEach(async () => {
  label += 1;
  t = await insertTenant(db.owner, `inv${label}`);
  members = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
  await db.owner.exec(
    members
      .map(
        (id, i) => `insert into users (tenant_id, id, email, name, role, is_active, updated_at)
          values ('${t.tenantId}', '${id}', 'm${i}-${id}@example.test', 'Member ${i}', 'ADMIN', false, now());`,
      )
      .join('\n'),
  );
});

const asApp = (sql: string) => db.asApp(sql, [], t.tenantId);
/** Several statements in one transaction as the app role (a DO block: PGlite's extended protocol takes one statement). */
const asAppScript = (...statements: string[]) => asApp(`do $$ begin ${statements.join('; ')}; end $$`);
/** The SQLSTATE and message a statement failed with, or null. */
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (error: unknown) => {
      const e = error as { code?: string; message?: string };
      return { code: e.code, message: e.message ?? '' };
    },
  );

async function state() {
  const [row] = await db.owner.rows<{ owners: string[]; owner_id: string; seats: number; active: number }>(`
    select array(select id::text from users u where u.tenant_id = o.tenant_id and u.role = 'OWNER' order by id) as owners,
           o.owner_id::text as owner_id, o.seats,
           (select count(*)::int from users u where u.tenant_id = o.tenant_id and u.is_active) as active
      from tenant_organisations o where o.tenant_id = '${t.tenantId}'`);
  if (!row) throw new Error('no organization');
  return row;
}

const CHECK_VIOLATION = '23514';
const UNIQUE_VIOLATION = '23505';

describe('one owner per tenant, held by the schema', () => {
  it('a second OWNER is refused at once', async () => {
    const error = await errorOf(asApp(`update users set role = 'OWNER' where id = '${members[0]}'`));
    expect(error?.code).toBe(UNIQUE_VIOLATION);
    expect(error?.message).toContain('users_one_owner_per_tenant');
  });

  it('the owner cannot be demoted, deactivated, or left unnamed by the organization', async () => {
    for (const sql of [
      `update users set role = 'ADMIN' where id = '${t.userId}'`,
      `update users set is_active = false where id = '${t.userId}'`,
      `do $$ begin
         update users set is_active = true where id = '${members[0]}';
         update tenant_organisations set owner_id = '${members[0]}';
       end $$`,
    ]) {
      const error = await errorOf(asApp(sql));
      expect(error?.code).toBe(CHECK_VIOLATION);
      expect(error?.message).toMatch(/^tenant_organisations_owner_is_owner:/);
    }
    expect(await state()).toMatchObject({ owners: [t.userId], owner_id: t.userId, active: 1 });
  });

  it('a transfer in three statements passes the check at commit', async () => {
    const heir = members[0] as string;
    await asAppScript(
      `update users set is_active = true where id = '${heir}'`,
      `update users set role = 'ADMIN' where id = '${t.userId}'`,
      `update users set role = 'OWNER' where id = '${heir}'`,
      `update tenant_organisations set owner_id = '${heir}'`,
    );
    expect(await state()).toMatchObject({ owners: [heir], owner_id: heir });
  });
});

describe('a violation found at COMMIT reaches the Prisma caller', () => {
  it('on either database (pglite-prisma-adapter dropped it: see adapters.ts)', async () => {
    const app = await db.openApp();
    const deactivateOwner = withTenant(app.prisma, t.tenantId, (tx) =>
      tx.user.update({
        where: { tenantId_id: { tenantId: t.tenantId, id: t.userId } },
        data: { isActive: false },
      }),
    );
    await expect(deactivateOwner).rejects.toThrow(/^tenant_organisations_owner_is_owner:/);
    expect(await state()).toMatchObject({ owners: [t.userId], active: 1 });
    // The connection is usable afterwards.
    const count = await withTenant(app.prisma, t.tenantId, (tx) => tx.user.count());
    expect(count).toBe(5);
  });
});

describe('seats cover the active members, held by the database', () => {
  it('activating a member beyond the seats is refused; so is lowering the seats below the members', async () => {
    await db.owner.exec(`update tenant_organisations set seats = 2 where tenant_id = '${t.tenantId}'`);
    await asApp(`update users set is_active = true where id = '${members[0]}'`);
    for (const sql of [
      `update users set is_active = true where id = '${members[1]}'`,
      `insert into users (tenant_id, id, email, name, updated_at)
         values ('${t.tenantId}', '${uuidv7()}', 'new-${uuidv7()}@example.test', 'New', now())`,
      `update tenant_organisations set seats = 1`,
    ]) {
      const error = await errorOf(asApp(sql));
      expect(error?.code).toBe(CHECK_VIOLATION);
      expect(error?.message).toMatch(/^tenant_organisations_seats_cover_members:/);
    }
    expect(await state()).toMatchObject({ seats: 2, active: 2 });
  });

  it('a tenant already over its seats can still shrink', async () => {
    // As data from before the checks existed: the owner writes it with triggers off.
    await db.owner.exec(`
      begin;
      set local session_replication_role = replica;
      update users set is_active = true where tenant_id = '${t.tenantId}';
      update tenant_organisations set seats = 1 where tenant_id = '${t.tenantId}';
      commit;`);
    await asApp(`update users set is_active = false where id = '${members[0]}'`);
    await asApp(`update tenant_organisations set name = 'Renamed'`);
    expect(await state()).toMatchObject({ seats: 1, active: 4 });
  });
});

describe('interleaved transactions on two connections', { tags: ['postgres'] }, () => {
  const clients: pg.Client[] = [];

  async function open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    clients.push(client);
    await client.query('begin');
    await client.query(`set local role ${APP_ROLE}`);
    await client.query(`select set_config('app.tenant_id', $1, true)`, [t.tenantId]);
    return client;
  }

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end()));
  });

  const ROUNDS = 10;

  it(`two transfers at once, without any lock in the caller: one owner remains (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { owner_id: from } = await state();
      const [x, y] = members.filter((m) => m !== from).slice(round % 2, (round % 2) + 2) as [string, string];
      await db.owner.exec(`update users set is_active = true where id in ('${x}', '${y}')`);
      const transfer = async (client: pg.Client, heir: string) => {
        await client.query(`update users set role = 'ADMIN' where id = $1`, [from]);
        await client.query(`update users set role = 'OWNER' where id = $1`, [heir]);
        await client.query(`update tenant_organisations set owner_id = $1`, [heir]);
        await client.query('commit');
      };
      const a = await open();
      const b = await open();
      await a.query(`update users set role = 'ADMIN' where id = $1`, [from]);
      const second = errorOf(transfer(b, y)); // waits for A's row lock on the old owner
      await a.query(`update users set role = 'OWNER' where id = $1`, [x]);
      await a.query(`update tenant_organisations set owner_id = $1`, [x]);
      await a.query('commit');
      expect(await second).toMatchObject({ code: UNIQUE_VIOLATION });
      await b.query('rollback');
      expect(await state()).toMatchObject({ owners: [x], owner_id: x });
      await db.owner.exec(`update users set role = 'ADMIN' where id = '${from}'`);
    }
  });

  it(`two activations for the last seat: the second waits for the organization row, then is refused (${ROUNDS} rounds)`, async () => {
    await db.owner.exec(`update tenant_organisations set seats = 2 where tenant_id = '${t.tenantId}'`);
    for (let round = 0; round < ROUNDS; round += 1) {
      await db.owner.exec(
        `update users set is_active = false where id <> '${t.userId}' and tenant_id = '${t.tenantId}'`,
      );
      const a = await open();
      const b = await open();
      await a.query(`update users set is_active = true where id = $1`, [members[round % 4]]);
      const second = errorOf(
        b.query(`update users set is_active = true where id = $1`, [members[(round + 1) % 4]]),
      );
      await a.query('commit');
      expect(await second).toMatchObject({ code: CHECK_VIOLATION });
      await b.query('rollback');
      expect(await state()).toMatchObject({ seats: 2, active: 2 });
    }
  });

  it(`seats lowered while a member is activated: whichever comes second is refused (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      await db.owner.exec(`
        update users set is_active = false where id <> '${t.userId}' and tenant_id = '${t.tenantId}';
        update users set is_active = true where id = '${members[0]}';
        update tenant_organisations set seats = 3 where tenant_id = '${t.tenantId}';`);
      const a = await open();
      const b = await open();
      const [first, then] = round % 2 ? [a, b] : [b, a];
      const activate = (c: pg.Client) =>
        c.query(`update users set is_active = true where id = $1`, [members[1]]);
      const lower = (c: pg.Client) => c.query(`update tenant_organisations set seats = 2`);
      // Even rounds activate first, odd rounds lower the seats first.
      await (round % 2 ? lower(first) : activate(first));
      const second = errorOf(round % 2 ? activate(then) : lower(then));
      await first.query('commit');
      expect(await second).toMatchObject({ code: CHECK_VIOLATION });
      await then.query('rollback');
      const end = await state();
      expect(end.active).toBeLessThanOrEqual(end.seats);
      expect(end).toMatchObject(round % 2 ? { seats: 2, active: 2 } : { seats: 3, active: 3 });
    }
  });
});

// PostgreSQL only: on PGlite, a database migrated from empty costs some ten seconds, and the SQL is the same.
describe('the migration that adds the guards', { tags: ['postgres'] }, () => {
  it('repairs a tenant that the old race left with two owners: the one its organization names stays', async () => {
    const { names } = await readMigrations();
    const at = names.findIndex((n) => n.endsWith('_owner_seat_invariants'));
    const dir = await mkdtemp(join(tmpdir(), 'tenantry-invariants-'));
    const fresh = await createTestDatabase({ migrate: false });
    try {
      for (const name of names.slice(0, at))
        await cp(join(MIGRATIONS_DIR, name), join(dir, name), { recursive: true });
      await cp(join(MIGRATIONS_DIR, 'migration_lock.toml'), join(dir, 'migration_lock.toml'));
      await migrate(fresh.owner, dir);
      // The rows of that time, by hand: the fixtures follow today's schema.
      const rows = { tenantId: uuidv7(), userId: uuidv7(), organizationId: uuidv7() };
      const second = uuidv7();
      await fresh.owner.exec(`
        insert into tenants (id) values ('${rows.tenantId}');
        insert into users (tenant_id, id, email, name, role, updated_at) values
          ('${rows.tenantId}', '${rows.userId}', 'first-${rows.userId}@example.test', 'First owner', 'OWNER', now()),
          ('${rows.tenantId}', '${second}', 'second-${second}@example.test', 'Second owner', 'OWNER', now());
        insert into tenant_organisations (tenant_id, id, name, owner_id, updated_at)
          values ('${rows.tenantId}', '${rows.organizationId}', 'Twice', '${rows.userId}', now());`);
      await migrate(fresh.owner);
      const roles = await fresh.owner.rows<{ id: string; role: string }>(
        `select id::text, role::text from users where tenant_id = '${rows.tenantId}' order by name`,
      );
      expect(roles).toEqual([
        { id: rows.userId, role: 'OWNER' },
        { id: second, role: 'ADMIN' },
      ]);
    } finally {
      await fresh.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

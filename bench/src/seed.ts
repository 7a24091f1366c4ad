// Bench tenants: each is registered through the API (so its owner, organization
// and credentials are exactly what sign-up makes), then filled as the table
// owner in SQL with generate_series, which writes a million assets in well
// under a minute. A tenant already holding its rows is reused as it is.
import { randomBytes } from 'node:crypto';

import type pg from 'pg';

import { trpcMutation } from './http.ts';

export const BENCH_PASSWORD = 'bench password 0123456789';
/** Members per organization, as on the peer (the owner and five more). */
export const MEMBERS = 6;
const SITES = 10;
const BUILDINGS_PER_SITE = 10;
const CATEGORIES = [
  'HVAC',
  'Pump',
  'Boiler',
  'Chiller',
  'Elevator',
  'Generator',
  'Lighting',
  'Fire panel',
  'Compressor',
  'Meter',
  'Valve',
  'Fan',
];
const STATUSES = ['OPERATIONAL', 'MAINTENANCE', 'OUT_OF_SERVICE', 'RETIRED'];

export interface BenchTenant {
  slug: string;
  tenantId: string;
  email: string;
  assets: number;
  /** An asset of the tenant, for byId. */
  assetId: string;
  /** The tag of the asset in the middle of the tenant: a search that matches one row. */
  middleTag: string;
  seededNow: boolean;
}

export const ownerEmail = (slug: string) => `owner@${slug}.bench.test`;
export const assetTag = (i: number) => `A-${String(i).padStart(7, '0')}`;

/** The first 20 hex digits of a UUIDv7-shaped id: time now, random bits; rows append 12 more. */
function idPrefix(): string {
  const time = Date.now().toString(16).padStart(12, '0');
  const random = randomBytes(3).toString('hex');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(0, 3)}-8${random.slice(3, 6)}-`;
}

async function tenantOf(owner: pg.Pool, email: string): Promise<string | undefined> {
  const { rows } = await owner.query<{ tenant_id: string }>('select tenant_id from users where email = $1', [
    email,
  ]);
  return rows[0]?.tenant_id;
}

async function register(serverUrl: string, slug: string): Promise<void> {
  await trpcMutation(serverUrl, 'organization.register', {
    organizationName: `Bench ${slug}`,
    name: `Owner of ${slug}`,
    email: ownerEmail(slug),
    password: BENCH_PASSWORD,
  });
}

async function addMembers(owner: pg.Pool, tenantId: string, slug: string): Promise<void> {
  // Six members need six seats, as on the peer, which has no seat limit
  // (a trigger refuses members beyond the seats).
  await owner.query('update tenant_organisations set seats = greatest(seats, $2) where tenant_id = $1', [
    tenantId,
    MEMBERS,
  ]);
  await owner.query(
    `insert into users (tenant_id, id, email, name, role, updated_at)
     select $1, gen_random_uuid(), 'member' || k || '@' || $2 || '.bench.test', 'Member ' || k, 'MEMBER', now()
     from generate_series(1, $3::int) k
     on conflict (email) do nothing`,
    [tenantId, slug, MEMBERS - 1],
  );
}

/** The assets' trigram indexes, whose pending lists the schema keeps to 64 kB (migration *_trigram_pending_lists). */
const ASSET_TRIGRAM_INDEXES = [
  'assets_name_trgm_idx',
  'assets_tag_trgm_idx',
  'assets_serial_number_trgm_idx',
];

/** Replaces the tenant's sites, buildings and assets with `assets` generated rows. */
async function fill(owner: pg.Pool, tenantId: string, assets: number): Promise<void> {
  const client = await owner.connect();
  try {
    await client.query('begin');
    // The rows are valid by construction (same tenant, existing buildings); skipping
    // the per-row foreign-key triggers makes a million inserts several times faster.
    await client.query("set local session_replication_role = 'replica'");
    await client.query('set local synchronous_commit = off');
    // A bulk load merges the trigram indexes' pending lists in batches of the
    // server's default (4 MB), several times faster than 64 kB at a time; the
    // limit comes back, and what is left is merged, once the load is done.
    for (const index of ASSET_TRIGRAM_INDEXES) {
      await client.query(`alter index ${index} reset (gin_pending_list_limit)`);
    }
    for (const table of ['assets', 'buildings', 'sites']) {
      await client.query(`delete from ${table} where tenant_id = $1`, [tenantId]);
    }
    const [site, building, asset] = [idPrefix(), idPrefix(), idPrefix()];
    const id = (prefix: string, n: string) => `('${prefix}' || lpad(to_hex(${n}), 12, '0'))::uuid`;
    await client.query(
      `insert into sites (tenant_id, id, name, address, updated_at)
       select $1, ${id(site, 's')}, 'Site ' || s, s || ' Bench Street', now() from generate_series(1, $2::int) s`,
      [tenantId, SITES],
    );
    await client.query(
      `insert into buildings (tenant_id, id, site_id, name, floors, updated_at)
       select $1, ${id(building, 'b')}, ${id(site, `1 + (b - 1) / ${BUILDINGS_PER_SITE}`)},
              'Building ' || b, 1 + b % 12, now()
       from generate_series(1, $2::int) b`,
      [tenantId, SITES * BUILDINGS_PER_SITE],
    );
    await client.query(
      `insert into assets (tenant_id, id, building_id, tag, name, category, status, serial_number,
                           installed_at, updated_at)
       select $1, ${id(asset, 'i')}, ${id(building, `1 + i % ${SITES * BUILDINGS_PER_SITE}`)},
              'A-' || lpad(i::text, 7, '0'),
              ($3::text[])[1 + i % $4::int] || ' ' || i,
              ($3::text[])[1 + i % $4::int],
              ($5::text[])[1 + i % 4]::"AssetStatus",
              'SN-' || upper(substr(md5(i::text), 1, 12)),
              date '2015-01-01' + i % 3650,
              now()
       from generate_series(1, $2::int) i`,
      [tenantId, assets, CATEGORIES, CATEGORIES.length, STATUSES],
    );
    for (const index of ASSET_TRIGRAM_INDEXES) {
      await client.query(`alter index ${index} set (gin_pending_list_limit = 64)`);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
  for (const index of ASSET_TRIGRAM_INDEXES) {
    await owner.query('select gin_clean_pending_list($1::regclass)', [index]);
  }
  await owner.query('analyze sites, buildings, assets');
}

async function describe(owner: pg.Pool, tenantId: string) {
  const { rows } = await owner.query<{ n: string }>('select count(*) as n from assets where tenant_id = $1', [
    tenantId,
  ]);
  return Number(rows[0]?.n ?? 0);
}

/** A tenant with `assets` assets and six members, registered on `serverUrl` if new. */
export async function ensureTenant(
  owner: pg.Pool,
  serverUrl: string,
  slug: string,
  assets: number,
): Promise<BenchTenant> {
  const email = ownerEmail(slug);
  let tenantId = await tenantOf(owner, email);
  if (!tenantId) {
    await register(serverUrl, slug);
    tenantId = await tenantOf(owner, email);
    if (!tenantId) throw new Error(`registered ${slug}, but its owner is not in the database`);
  }
  await addMembers(owner, tenantId, slug);
  const seededNow = (await describe(owner, tenantId)) !== assets;
  if (seededNow) await fill(owner, tenantId, assets);
  const middle = Math.max(1, Math.floor(assets / 2));
  const { rows } = await owner.query<{ id: string }>(
    'select id from assets where tenant_id = $1 and tag = $2',
    [tenantId, assetTag(middle)],
  );
  const assetId = rows[0]?.id;
  if (!assetId) throw new Error(`tenant ${slug} has no asset ${assetTag(middle)}`);
  return { slug, tenantId, email, assets, assetId, middleTag: assetTag(middle), seededNow };
}

/** An empty tenant (no assets, one building) for the CSV import, emptied before each run. */
export async function ensureImportTenant(
  owner: pg.Pool,
  serverUrl: string,
): Promise<{ tenantId: string; email: string; buildingId: string }> {
  const slug = 'import';
  const email = ownerEmail(slug);
  let tenantId = await tenantOf(owner, email);
  if (!tenantId) {
    await register(serverUrl, slug);
    tenantId = await tenantOf(owner, email);
    if (!tenantId) throw new Error('registered the import tenant, but its owner is not in the database');
  }
  await fill(owner, tenantId, 0);
  const { rows } = await owner.query<{ id: string }>(
    'select id from buildings where tenant_id = $1 order by id limit 1',
    [tenantId],
  );
  const buildingId = rows[0]?.id;
  if (!buildingId) throw new Error('the import tenant has no building');
  return { tenantId, email, buildingId };
}

// The schema obeys Citus's rules for distributed tables, with tenant_id as the
// distribution column: it is in every primary key, every unique key, and every
// foreign key between distributed tables. Every table is placed in citus.ts
// (typed over every model), so a new table fails here until someone decides
// where it goes; and the docs show the SQL that citus.ts generates.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { citusDistributionSql, citusTables } from './citus.ts';
import { createTestDatabase } from './testing/test-db.ts';
import type { TestDatabase } from './testing/test-db.ts';

const { distributed: DISTRIBUTED, reference: REFERENCE, local: LOCAL } = citusTables();
const ARCHITECTURE = fileURLToPath(new URL('../../../docs/ARCHITECTURE.md', import.meta.url));

interface Key {
  table: string;
  name: string;
  type: 'p' | 'u' | 'f';
  columns: string[];
  refTable: string | null;
  refColumns: string[] | null;
}

let db: TestDatabase;
let keys: Key[];

beforeAll(async () => {
  db = await createTestDatabase();
  keys = await db.owner.rows<Key>(`
    select c.conrelid::regclass::text as table, c.conname as name, c.contype as type,
           array(select a.attname::text from unnest(c.conkey) k join pg_attribute a
                   on a.attrelid = c.conrelid and a.attnum = k) as columns,
           c.confrelid::regclass::text as "refTable",
           case when c.contype = 'f' then array(select a.attname::text from unnest(c.confkey) k
                   join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k) end as "refColumns"
      from pg_constraint c
     where c.connamespace = 'public'::regnamespace and c.contype in ('p', 'u', 'f')`);
  // Unique indexes that are not constraints count too.
  const uniqueIndexes = await db.owner.rows<{ table: string; name: string; columns: string[] }>(`
    select i.indrelid::regclass::text as table, ci.relname as name,
           array(select a.attname::text from unnest(i.indkey) k join pg_attribute a
                   on a.attrelid = i.indrelid and a.attnum = k) as columns
      from pg_index i join pg_class ci on ci.oid = i.indexrelid
     where i.indisunique and ci.relnamespace = 'public'::regnamespace`);
  for (const index of uniqueIndexes) {
    if (!keys.some((k) => k.name === index.name))
      keys.push({ ...index, type: 'u', refTable: null, refColumns: null });
  }
});
afterAll(() => db.close());

describe('Citus distribution rules', () => {
  it('every table is classified as distributed, reference or local', async () => {
    const tables = await db.owner.rows<{ relname: string }>(
      `select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by relname`,
    );
    expect(tables.map((t) => t.relname).sort()).toEqual([...DISTRIBUTED, ...REFERENCE, ...LOCAL].sort());
  });

  it.each(DISTRIBUTED)('%s: the primary key is (tenant_id, id)', (table) => {
    const pk = keys.find((k) => k.table === table && k.type === 'p');
    expect(pk?.columns).toEqual(['tenant_id', 'id']);
  });

  it.each(DISTRIBUTED)('%s: every unique key includes tenant_id', (table) => {
    const uniques = keys.filter((k) => k.table === table && k.type !== 'f');
    expect(uniques.length).toBeGreaterThan(0);
    for (const key of uniques) expect(key.columns, key.name).toContain('tenant_id');
  });

  it.each(DISTRIBUTED)('%s: every foreign key is tenant-inclusive', (table) => {
    for (const fk of keys.filter((k) => k.table === table && k.type === 'f')) {
      expect([...DISTRIBUTED, ...REFERENCE], fk.name).toContain(fk.refTable);
      if (fk.refTable === 'tenants') {
        expect(fk.columns, fk.name).toEqual(['tenant_id']);
        continue;
      }
      // To another distributed table, or to a user: tenant_id pairs with tenant_id,
      // so the row referenced is always of the same tenant.
      const position = fk.columns.indexOf('tenant_id');
      expect(position, fk.name).toBeGreaterThanOrEqual(0);
      expect(fk.refColumns?.[position], fk.name).toBe('tenant_id');
    }
  });

  it('no distributed table is pointed at by a reference or local table', () => {
    const inbound = keys.filter(
      (k) => k.type === 'f' && DISTRIBUTED.includes(k.refTable ?? '') && !DISTRIBUTED.includes(k.table),
    );
    expect(inbound.map((k) => k.name)).toEqual([]);
  });
});

describe('the distribution SQL in docs/ARCHITECTURE.md', () => {
  it('is the SQL citus.ts generates from the schema', () => {
    const doc = readFileSync(ARCHITECTURE, 'utf8');
    const block = /<!-- citus-sql:begin[^>]*-->\s*```sql\n([\s\S]*?)\n```\s*<!-- citus-sql:end -->/.exec(doc);
    const sql = citusDistributionSql();
    expect(block?.[1], `docs/ARCHITECTURE.md's citus-sql block should read:\n${sql}`).toBe(sql);
  });

  it('creates each table after the tables its foreign keys point at', () => {
    const order = citusDistributionSql()
      .split('\n')
      .map((line) => /create_(?:reference|distributed)_table\('([^']+)'/.exec(line)?.[1])
      .filter((t) => t !== undefined);
    for (const fk of keys.filter((k) => k.type === 'f' && order.includes(k.table))) {
      if (fk.refTable === fk.table) continue;
      expect(order.indexOf(fk.refTable ?? ''), fk.name).toBeLessThan(order.indexOf(fk.table));
    }
  });
});

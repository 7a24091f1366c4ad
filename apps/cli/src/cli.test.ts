// The CLI as people run it: a subprocess against a real server on PGlite.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createTenantryClient } from '@tenantry/client';
import type { TenantryClient } from '@tenantry/client';
import { cookieFetch, startTestServer } from '@tenantry/server/testing';
import type { TestServer } from '@tenantry/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/tenantry.js', import.meta.url));

let s: TestServer;
let owner: TenantryClient;
let apiKey: string;
let home: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The slowest command (5,000 rows) takes 2–5 s; the budget allows a loaded machine, inside the test's. */
const RUN_BUDGET_MS = 45_000;

function tenantry(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: { PATH: process.env.PATH, TENANTRY_CONFIG_DIR: home },
        maxBuffer: 64 * 1024 * 1024,
        timeout: RUN_BUDGET_MS,
      },
      (error, stdout, stderr) => {
        if (error?.killed) {
          reject(
            new Error(
              `\`tenantry ${args.join(' ')}\` did not finish within ${RUN_BUDGET_MS / 1000} s:\n${stderr}`,
            ),
          );
          return;
        }
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

const HEADER = 'tag,name,category,status,site,building,serial_number,installed_at';

beforeAll(async () => {
  s = await startTestServer();
  home = await mkdtemp(join(tmpdir(), 'tenantry-cli-'));
  owner = createTenantryClient({ url: s.url, fetch: cookieFetch('http://localhost:5173').fetch });
  await owner.organization.register.mutate({
    organizationName: 'Import Co',
    name: 'Ines',
    email: 'ines@example.test',
    password: 'a long password',
  });
  const site = await owner.site.create.mutate({ name: 'Depot', address: '9 Dock Road' });
  await owner.building.create.mutate({ siteId: site.id, name: 'Shed A' });
  await owner.building.create.mutate({ siteId: site.id, name: 'Shed B' });
  apiKey = (await owner.apiKey.create.mutate({ name: 'cli', role: 'ADMIN' })).secret;
});
afterAll(async () => {
  await s.close();
  await rm(home, { recursive: true, force: true });
});

describe('tenantry CLI', () => {
  it('has --help everywhere and fails clearly before login', async () => {
    for (const args of [
      ['--help'],
      ['login', '--help'],
      ['sites', 'list', '--help'],
      ['assets', 'import', '--help'],
      ['assets', 'export', '--help'],
    ]) {
      const run = await tenantry(...args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/Usage: tenantry/);
    }
    const early = await tenantry('sites', 'list');
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/not signed in: run `tenantry login/);
    expect((await tenantry('explode')).code).not.toBe(0);
  });

  it('logs in, keeping its settings readable by the user only', async () => {
    const bad = await tenantry('login', '--url', s.url, '--api-key', 'tk_nope');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/UNAUTHORIZED/);
    const run = await tenantry('login', '--url', s.url, '--api-key', apiKey);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/signed in to Import Co with a admin key/);
    expect((await stat(join(home, 'config.json'))).mode & 0o777).toBe(0o600);
    const sites = await tenantry('sites', 'list');
    expect(sites.stdout).toMatch(/Depot\s+2\s+9 Dock Road/);
  });

  it('imports 5,000 assets with progress, and a re-run creates none', async () => {
    const file = join(home, 'assets.csv');
    const lines = Array.from(
      { length: 5000 },
      (_, i) =>
        `T-${i},Asset ${i},${i % 2 ? 'HVAC' : 'Lifts'},operational,Depot,${i % 2 ? 'Shed A' : 'Shed B'},SN${i},2024-01-0${(i % 9) + 1}`,
    );
    await writeFile(file, [HEADER, ...lines].join('\n'));
    const first = await tenantry('assets', 'import', file);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/created 5000, updated 0, skipped 0, failed 0/);
    expect(first.stderr).toMatch(/importing .*\| 5000\/5000 rows \| \d+ rows\/s \| ETA/);
    const again = await tenantry('assets', 'import', file);
    expect(again.stdout).toMatch(/created 0, updated 0, skipped 5000, failed 0/);
    expect((await owner.asset.list.query({ limit: 1, tag: 'T-4999' })).items).toHaveLength(1);
    // Each run of 50 batches is one audit event, with the server's counts.
    const imports = (await owner.audit.list.query({ action: 'asset.import', limit: 10 })).items;
    expect(imports.map((e) => e.assetImport)).toMatchObject([
      { created: 0, unchanged: 5000, batches: 50 },
      { created: 5000, unchanged: 0, batches: 50 },
    ]);
  });

  it('reports broken rows by line number and imports the rest', async () => {
    const file = join(home, 'broken.csv');
    await writeFile(
      file,
      [
        HEADER,
        'B-1,Fine,HVAC,,Depot,Shed A,,', // line 2
        'B 2!,Bad tag,HVAC,,Depot,Shed A,,', // line 3
        'B-3,Fine too,HVAC,retired,Depot,Shed B,,', // line 4
        'B-4,Lost,HVAC,,Depot,Shed Z,,', // line 5
        'B-5,,HVAC,,Depot,Shed A,,', // line 6
        'B-6,Bad date,HVAC,,Depot,Shed A,,31/12/2024', // line 7
        'B-1,Twice,HVAC,,Depot,Shed A,,', // line 8
      ].join('\n'),
    );
    const run = await tenantry('assets', 'import', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/created 2, updated 0, skipped 0, failed 5/);
    expect(run.stderr).toMatch(/line 3: tag may use letters/);
    expect(run.stderr).toMatch(/line 5: no building "Shed Z" on site "Depot"/);
    expect(run.stderr).toMatch(/line 6: name is required/);
    expect(run.stderr).toMatch(/line 7: installedAt must be a date/);
    expect(run.stderr).toMatch(/line 8: tag B-1 already appears on line 2/);
  });

  it('exports CSV that import reads back, optionally for one site', async () => {
    const all = await tenantry('assets', 'export');
    expect(all.code, all.stderr).toBe(0);
    const rows = all.stdout.trim().split('\n');
    expect(rows[0]).toBe(HEADER);
    expect(rows).toHaveLength(1 + 5002);
    const file = join(home, 'roundtrip.csv');
    await writeFile(file, all.stdout);
    expect((await tenantry('assets', 'import', file)).stdout).toMatch(
      /created 0, updated 0, skipped 5002, failed 0/,
    );
    const none = await tenantry('assets', 'export', '--site', 'Nowhere');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no site named or with id "Nowhere"/);
  });

  it('a revoked key gets UNAUTHORIZED', async () => {
    const keys = await owner.apiKey.list.query({});
    const key = keys.items.find((k) => k.name === 'cli');
    await owner.apiKey.revoke.mutate({ id: key?.id ?? '' });
    const run = await tenantry('sites', 'list');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/UNAUTHORIZED: .*run `tenantry login` again/);
  });
});

// The package's entry points load only what their users need. The runtime
// entry (`@tenantry/db`) must not pull in the WASM schema engine, the owner
// connections or the seed; the enums entry must load in a browser. Checked on
// the static import graph, which is what Node loads at import time.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { createDb } from './client.ts';
import * as enums from './enums.ts';
import { readPrismaSchema } from './prisma-schema.ts';
import { checkReadiness } from './readiness.ts';
import { importGraph } from './testing/import-graph.ts';

const src = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const PACKAGE = JSON.parse(readFileSync(src('../package.json'), 'utf8')) as {
  exports: Record<string, { 'tenantry-dist'?: string; default?: string } | undefined>;
};

/** Where an export leads: its source for tools and tests, and its build for production. */
function entry(key: string) {
  const target = PACKAGE.exports[key];
  return { source: src(`../${target?.default ?? ''}`), build: target?.['tenantry-dist'] };
}

describe('the runtime entry (@tenantry/db)', () => {
  const graph = importGraph(src('./index.ts'));

  it('is the package\'s "." export', () => {
    expect(entry('.')).toEqual({ source: src('./index.ts'), build: './dist/index.js' });
  });

  it('reaches the runtime (the walk is not vacuous)', () => {
    expect(graph.files).toContain(src('./client.ts'));
    expect(graph.files).toContain(src('./tenant.ts'));
    expect(graph.files).toContain(src('./readiness.ts'));
    expect(graph.packages).toContain('@prisma/client/runtime/client');
  });

  it('does not load the schema engine, migrations, owner connections or the seed', () => {
    for (const file of ['engine.ts', 'migrate.ts', 'owner.ts', 'seed.ts']) {
      expect(graph.files, file).not.toContain(src(`./${file}`));
    }
    expect([...graph.packages].filter((p) => p.startsWith('@prisma/schema-engine-wasm'))).toEqual([]);
  });

  it('loads the migrations only on the path that migrates on open', () => {
    expect(graph.dynamic).toContain(src('./migrate.ts'));
  });

  it('PGlite opened by createDb still migrates itself', async () => {
    const db = await createDb({ kind: 'pglite', dataDir: 'memory://' });
    try {
      expect(await checkReadiness(db.prisma)).toEqual({ ready: true });
    } finally {
      await db.close();
    }
  });
});

describe('the tooling entry (@tenantry/db/tooling)', () => {
  const graph = importGraph(src('./tooling.ts'));

  it('is the package\'s "./tooling" export and holds migrations, owners and the seed', () => {
    expect(entry('./tooling')).toEqual({ source: src('./tooling.ts'), build: './dist/tooling.js' });
    for (const file of ['migrate.ts', 'owner.ts', 'seed.ts']) expect(graph.files).toContain(src(`./${file}`));
  });

  it('loads the WASM engine only when a command needs it', () => {
    expect(graph.files).not.toContain(src('./engine.ts'));
    expect(graph.dynamic).toContain(src('./engine.ts'));
  });
});

describe('the enums entry (@tenantry/db/enums)', () => {
  const graph = importGraph(src('./enums.ts'));

  it('is the package\'s "./enums" export', () => {
    expect(entry('./enums')).toEqual({ source: src('./enums.ts'), build: './dist/enums.js' });
  });

  it('imports no Node builtin and not the Prisma runtime', () => {
    const builtins = new Set(builtinModules);
    const nodeOnly = [...graph.packages].filter(
      (p) => p.startsWith('node:') || builtins.has(p.split('/')[0] ?? ''),
    );
    expect(nodeOnly).toEqual([]);
    expect([...graph.packages].filter((p) => p.startsWith('@prisma/') || p === 'prisma')).toEqual([]);
  });

  it('exports every enum of the schema with its values', () => {
    const exported = Object.entries(enums).map(([name, values]) => ({ name, values: Object.values(values) }));
    expect(exported).toEqual(readPrismaSchema().enums);
  });
});

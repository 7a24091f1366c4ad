// The production process loads only the runtime: the migration tooling (and
// through it the WASM schema engine) and the demo seed come in by a dynamic
// import that runs in development alone. @tenantry/db's own entries test proves
// its runtime entry does not reach them either.
import { fileURLToPath } from 'node:url';

import { importGraph } from '@tenantry/db/testing';
import { describe, expect, it } from 'vitest';

const graph = importGraph(fileURLToPath(new URL('./main.ts', import.meta.url)));

describe("the server's start-up import graph", () => {
  it('reaches the runtime (the walk is not vacuous)', () => {
    expect(graph.packages).toContain('@tenantry/db');
    expect(graph.files).toContain(fileURLToPath(new URL('./server.ts', import.meta.url)));
  });

  it('loads the db tooling only through the development-only dynamic import', () => {
    expect([...graph.packages].filter((p) => p.startsWith('@tenantry/db/'))).toEqual([]);
    expect([...graph.packages].filter((p) => p.includes('schema-engine'))).toEqual([]);
    expect(graph.dynamic).toContain('@tenantry/db/tooling');
  });
});

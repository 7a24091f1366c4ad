// Prisma's schema engine, compiled to WebAssembly. The Prisma CLI would download
// a native engine, which these machines cannot reach; the WASM build does the
// same work offline (see ../README.md).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PGliteAdapterFactory } from './adapters.ts';
import type { EngineAdapterFactory } from './adapters.ts';
import { scratchPglite } from './scratch-pglite.ts';

export type SchemaEngine = bg.SchemaEngine;

// @types/node 20 does not declare the WebAssembly global; this is the part used here.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, object>) => { exports: WasmExports };
};
interface WasmExports {
  __wbindgen_start: () => void;
}

let instantiated = false;

// Node 20 cannot import a .wasm ES module, so the package's main entry is
// bypassed and the module is wired to its JS glue by hand.
function instantiate(): void {
  if (instantiated) return;
  const require = createRequire(import.meta.url);
  const wasmPath = require
    .resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    .replace(/schema_engine_bg\.js$/, 'schema_engine_bg.wasm');
  const module = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(module, {
    './schema_engine_bg.js': bg,
  });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  instantiated = true;
}

export interface EngineSession {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections. */
  close: () => Promise<void>;
}

export async function openEngine(
  factory: EngineAdapterFactory,
  schema: { path: string; content: string },
): Promise<EngineSession> {
  instantiate();
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await factory.release();
    },
  };
}

/** An engine on a throwaway in-memory database, for diffs that touch no real one. */
export async function openScratchEngine(schema: { path: string; content: string }): Promise<EngineSession> {
  const pglite = await scratchPglite();
  const session = await openEngine(new PGliteAdapterFactory(pglite), schema);
  return {
    engine: session.engine,
    close: async () => {
      await session.close();
      await pglite.close();
    },
  };
}

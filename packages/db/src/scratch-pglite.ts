// Throwaway in-memory databases for the schema engine (the scratch database
// of a diff and its shadow databases). initdb in WebAssembly costs 1.3–2 s;
// loading a dump of a freshly initialized cluster costs about 0.3 s, so the
// first instance of a process is dumped and every later one is loaded from it.
import { PGlite } from '@electric-sql/pglite';

import { PGLITE_EXTENSIONS } from './pglite-extensions.ts';

let blank: Promise<Blob> | undefined;

export async function scratchPglite(): Promise<PGlite> {
  if (!blank) {
    const first = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    blank = first.dumpDataDir('none');
    return first;
  }
  return PGlite.create({ loadDataDir: await blank, extensions: PGLITE_EXTENSIONS });
}

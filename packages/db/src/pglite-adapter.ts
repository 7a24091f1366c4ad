// pglite-prisma-adapter's executeScript() does not await PGlite, so a failing
// migration script would be reported as applied and its error lost. This
// factory wraps the adapter with an awaited executeScript, for both the
// database and the engine's in-memory shadow database.
import { PGlite } from '@electric-sql/pglite';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

async function connectAwaited(pglite: PGlite, ownsPglite: boolean): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(pglite).connect();
  adapter.executeScript = async (script) => {
    await pglite.exec(script);
  };
  if (ownsPglite) adapter.dispose = () => pglite.close();
  return adapter;
}

export class PGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = 'tenantry-pglite';

  constructor(private readonly pglite: PGlite) {}

  connect(): Promise<SqlDriverAdapter> {
    return connectAwaited(this.pglite, false);
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return connectAwaited(new PGlite(), true);
  }
}

// Readiness: the database answers, and every migration in the folder is applied.
import type { Db } from './client.ts';
import { MIGRATIONS_DIR, readMigrations } from './migrations-folder.ts';

export interface Readiness {
  ready: boolean;
  reason?: string;
}

// The folder does not change while the process runs: read it once, not on every probe.
const expectedByDir = new Map<string, Promise<string[]>>();

function expectedMigrations(dir: string): Promise<string[]> {
  let names = expectedByDir.get(dir);
  if (!names) {
    names = readMigrations(dir).then((m) => m.names);
    expectedByDir.set(dir, names);
  }
  return names;
}

export async function checkReadiness(db: Db, timeoutMs = 2_000, dir = MIGRATIONS_DIR): Promise<Readiness> {
  const expected = await expectedMigrations(dir);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error('the database did not answer in time'));
    }, timeoutMs);
  });
  try {
    const rows = await Promise.race([
      db.$queryRaw<{ migration_name: string }[]>`
        select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null`,
      timeout,
    ]);
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = expected.filter((name) => !applied.has(name));
    return pending.length
      ? { ready: false, reason: `pending migrations: ${pending.join(', ')}` }
      : { ready: true };
  } catch (error) {
    return {
      ready: false,
      reason: error instanceof Error ? error.message.split('\n')[0] : 'database unreachable',
    };
  } finally {
    clearTimeout(timer);
  }
}

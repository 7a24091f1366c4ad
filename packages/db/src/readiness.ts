// Readiness: the database answers, and every migration in the folder is applied.
import type { Db } from './client.ts';
import { MIGRATIONS_DIR, readMigrations } from './migrate.ts';

export interface Readiness {
  ready: boolean;
  reason?: string;
}

export async function checkReadiness(db: Db, timeoutMs = 2_000, dir = MIGRATIONS_DIR): Promise<Readiness> {
  const expected = (await readMigrations(dir)).names;
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

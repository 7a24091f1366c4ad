// The db CLI behind `pnpm db:*`. Every failure prints one line and exits 1.
import { parseArgs } from 'node:util';

import { configFromEnv, createDb, openPgliteAt } from './client.ts';
import type { DbConfig } from './client.ts';
import { readDbEnv } from './env.ts';
import { DbError, toDbError } from './errors.ts';
import {
  createMigration,
  migrate,
  MIGRATIONS_DIR,
  plan,
  readMigrations,
  reset,
  rollback,
  status,
} from './migrate.ts';
import type { OwnerConnection } from './owner.ts';
import { pgliteOwner, postgresOwner } from './owner.ts';
import { DEMO, seed } from './seed.ts';

const USAGE = `usage: tenantry-db <command> [--migrations <dir>]

  migrate        apply pending migrations
  new <name>     write the next migration (up and down) from the schema's diff
  status         list applied and pending migrations
  drift          exit 1 when the schema and the migrations differ
  down           revert the last applied migration with its down.sql
  reset          drop everything and apply every migration
  seed           migrate, then add the demo tenant (idempotent)

The database is PostgreSQL when DATABASE_URL is set, else PGlite under .data/.`;

async function withOwner<T>(config: DbConfig, fn: (owner: OwnerConnection) => Promise<T>): Promise<T> {
  if (config.kind === 'postgres') {
    const owner = postgresOwner(config.url);
    try {
      return await fn(owner);
    } finally {
      await owner.close();
    }
  }
  const pglite = config.pglite ?? (await openPgliteAt(config.dataDir ?? 'memory://'));
  try {
    return await fn(pgliteOwner(pglite));
  } finally {
    await pglite.close();
  }
}

async function seedAndPrint(config: DbConfig): Promise<number> {
  console.log(
    config.kind === 'pglite'
      ? `database: embedded PGlite at ${config.dataDir ?? 'memory://'}`
      : 'database: PostgreSQL (DATABASE_URL)',
  );
  const db = await createDb({ ...config, migrate: true });
  try {
    const result = await seed(db.prisma);
    console.log(result === 'created' ? 'seeded the demo tenant' : 'the demo tenant is already there');
    console.log(`demo sign-in: ${DEMO.email} / ${DEMO.password}`);
    return 0;
  } finally {
    await db.close();
  }
}

interface CommandArgs {
  rest: string[];
  dir: string;
  /** Read lazily: commands that touch no database do not need a valid one. */
  config: () => DbConfig;
}
type Command = (args: CommandArgs) => Promise<number>;

// A broken migrations folder is reported before any database is opened.
const onOwner =
  (fn: (owner: OwnerConnection, dir: string) => Promise<number>): Command =>
  async ({ dir, config }) => {
    await readMigrations(dir);
    return withOwner(config(), (owner) => fn(owner, dir));
  };

const COMMANDS: Record<string, Command> = {
  migrate: onOwner(async (owner, dir) => {
    const applied = await migrate(owner, dir);
    console.log(applied.length ? `applied ${applied.join(', ')}` : 'already up to date');
    return 0;
  }),
  new: async ({ rest, dir }) => {
    const name = rest[0];
    if (!name) throw new DbError('missing migration name: pnpm db:migrate:new <name>');
    const folder = await createMigration(name, { dir });
    console.log(
      folder
        ? `wrote ${folder}: review migration.sql and down.sql`
        : 'no changes: the migrations match the schema',
    );
    return 0;
  },
  status: onOwner(async (owner, dir) => {
    const s = await status(owner, dir);
    for (const name of s.applied) console.log(`applied  ${name}`);
    for (const name of s.failed) console.log(`FAILED   ${name}`);
    for (const name of s.pending) console.log(`pending  ${name}`);
    return s.failed.length ? 1 : 0;
  }),
  drift: async ({ dir }) => {
    if (!(await plan(dir))) {
      console.log('no drift: the migrations match the schema');
      return 0;
    }
    console.error('drift: the schema differs from the migrations; run pnpm db:migrate:new <name>');
    return 1;
  },
  down: onOwner(async (owner, dir) => {
    const name = await rollback(owner, dir);
    console.log(name ? `reverted ${name}` : 'nothing to revert');
    return 0;
  }),
  reset: onOwner(async (owner, dir) => {
    const applied = await reset(owner, dir);
    console.log(`reset; applied ${applied.join(', ')}`);
    return 0;
  }),
  seed: ({ config }) => seedAndPrint(config()),
};

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { migrations: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [name, ...rest] = positionals;
  if (values.help || !name) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new DbError(`unknown command "${name}"; run with --help`);
  return command({
    rest,
    dir: values.migrations ?? MIGRATIONS_DIR,
    config: () => configFromEnv(readDbEnv()),
  });
}

let code: number;
try {
  code = await run(process.argv.slice(2));
} catch (error) {
  console.error(`error: ${toDbError(error).message}`);
  code = 1;
}
// The WASM schema engine keeps a timer alive for about ten seconds after it is
// freed; exit once output is flushed instead of waiting for it.
process.stdout.write('', () => process.exit(code));

// The db CLI as a user runs it: a subprocess, judged by exit code and output.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MIGRATIONS_DIR } from './migrate.ts';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
/** The package folder, where `--import tsx` resolves. */
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
/**
 * One command takes 1–3 s on a quiet machine and up to ten times that on a 2-core one
 * running two suites at once; the budget catches a hang, well inside the test's 120 s.
 */
const RUN_BUDGET_MS = 50_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      // One node process with tsx's loader: the tsx binary would start a second one.
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      // PGLITE_DIR in memory keeps the repo's .data/ out of tests.
      {
        cwd: PACKAGE_DIR,
        env: { PATH: process.env.PATH, PGLITE_DIR: 'memory://', ...env },
        timeout: RUN_BUDGET_MS,
      },
      (error, stdout, stderr) => {
        if (error?.killed) {
          reject(
            new Error(
              `db CLI \`${args.join(' ')}\` did not finish within ${RUN_BUDGET_MS / 1000} s:\n${stderr}`,
            ),
          );
          return;
        }
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A clear failure: non-zero exit, one line on stderr, no stack trace. */
function expectOneLineError(run: Run, pattern: RegExp): void {
  expect(run.code).not.toBe(0);
  const lines = run.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn'));
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'tenantry-cli-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function migrationsWith(name: string, files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(scratch, 'm-'));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  await mkdir(join(dir, name));
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, name, file), content);
  return dir;
}

describe('db CLI', { timeout: 120_000 }, () => {
  it('migrates, reports status and finds no drift', async () => {
    const migrate = await cli(['migrate']);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(/applied .*_init, .*_roles_and_rls/);
    const drift = await cli(['drift']);
    expect(drift).toMatchObject({ code: 0 });
    expect(drift.stdout).toMatch(/no drift/);
  });

  it('needs a migration name', async () => {
    expectOneLineError(await cli(['new']), /missing migration name/);
    expectOneLineError(await cli(['new', 'Bad Name!']), /migration name must be/);
  });

  it('says when the database is unreachable', async () => {
    const run = await cli(['migrate'], { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none' });
    expectOneLineError(run, /cannot reach the database/);
  });

  it('names a malformed DATABASE_URL', async () => {
    expectOneLineError(await cli(['status'], { DATABASE_URL: 'mysql://x' }), /invalid DATABASE_URL/);
  });

  it('reports a corrupt migration file and exits non-zero', async () => {
    const dir = await migrationsWith('29990101000000_corrupt', { 'migration.sql': 'CREATE TABL oops (' });
    expectOneLineError(await cli(['migrate', '--migrations', dir]), /syntax error/);
  });

  it('reports a migration folder without migration.sql', async () => {
    const dir = await migrationsWith('29990101000000_empty', { 'down.sql': '' });
    expectOneLineError(await cli(['migrate', '--migrations', dir]), /has no migration\.sql/);
  });

  it('reports a migration file that is not text', async () => {
    const dir = await migrationsWith('29990101000000_binary', { 'migration.sql': '\u0000\u0001\u0002' });
    expectOneLineError(await cli(['migrate', '--migrations', dir]), /not valid UTF-8 text/);
  });

  it('rejects an unknown command', async () => {
    expectOneLineError(await cli(['explode']), /unknown command/);
  });
});

// The server as its own process, for shutdown, multi-instance and production
// tests: src/main.ts through tsx, or the production build (dist/main.js) with
// plain node, as `pnpm start` runs it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { migratedPgliteDir } from '@tenantry/db/testing';

import { TEST_SECRET } from './test-server.ts';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const BUILT_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
/** How `pnpm start` runs the build: workspace packages resolve to their dist/ too. */
export const BUILT_NODE_ARGS = ['--conditions=tenantry-dist', '--enable-source-maps', BUILT_MAIN];

/**
 * Start-up takes 1–2 s on a quiet machine and up to ten times that on a loaded 2-core
 * one; the budget catches a hang, well inside the 90 s of the tests that spawn servers.
 */
const START_BUDGET_MS = 30_000;

export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves once the output matches `pattern`; fails after `budgetMs`, naming `what`. */
  waitFor(pattern: RegExp, what: string, budgetMs?: number): Promise<RegExpExecArray>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

// A test that fails halfway must not leave a server running: whatever is still
// up when the test worker exits is killed with it.
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export interface SpawnOptions {
  /** Run the production build with plain node (run `pnpm build` first). */
  built?: boolean;
  /** A PGlite directory to open (default: a copy of the migrated template, so start-up skips the migrations). */
  pgliteDir?: string;
}

export async function spawnServer(
  env: Record<string, string>,
  options: SpawnOptions = {},
): Promise<SpawnedServer> {
  // Without DATABASE_URL the server opens PGlite: by default a copy of the
  // migrated template, so start-up skips initdb and the migrations.
  const copied = env.DATABASE_URL || options.pgliteDir ? undefined : await migratedPgliteDir();
  const pgliteDir = options.pgliteDir ?? copied;
  // One process (plain node, or node with tsx's loader), so signals reach the server itself.
  const args = options.built ? BUILT_NODE_ARGS : ['--import', 'tsx', MAIN];
  const child = spawn(process.execPath, args, {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: '0',
      AUTH_SECRET: TEST_SECRET,
      PGLITE_DIR: pgliteDir ?? 'memory://',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const listeners = new Set<() => void>();
  const onOutput = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      children.delete(child);
      if (copied) rmSync(copied, { recursive: true, force: true });
      exitCode = code;
      resolve(code);
      for (const listener of listeners) listener();
    }),
  );

  const waitFor = (pattern: RegExp, what: string, budgetMs = START_BUDGET_MS) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`waited ${budgetMs / 1000} s for the server to ${what}; its output:\n${output}`));
      }, budgetMs);
      const check = () => {
        const match = pattern.exec(output);
        if (match) {
          done();
          resolve(match);
        } else if (exitCode !== undefined) {
          done();
          reject(
            new Error(`the server exited with ${exitCode} before it could ${what}; its output:\n${output}`),
          );
        }
      };
      listeners.add(check);
      check();
    });

  try {
    const [, url = ''] = await waitFor(/listening on (http:\/\/[\d.:]+)/, 'print "listening on"');
    return { url, child, output: () => output, waitFor, exited };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

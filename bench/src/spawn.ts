// Servers under test run as their own processes, as in production: each has
// its own event loop and CPU time, and its output goes to a log file (a pipe
// that nobody drained would stall a server that logs every request).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Running {
  name: string;
  url: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
// A bench that fails halfway must not leave servers running.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Start-up is 1–3 s on a quiet machine; a loaded 2-core one can take ten times that. */
const START_BUDGET_MS = 60_000;
const LISTENING = /listening on (http:\/\/[\d.]+:\d+)/;

export interface SpawnSpec {
  name: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  logDir: string;
}

/** Runs `node <args>` and resolves once it prints "listening on http://…". */
export async function spawnNode(spec: SpawnSpec): Promise<Running> {
  const logFile = join(spec.logDir, `${spec.name}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  children.add(child);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      exitCode = code;
      children.delete(child);
      resolve();
    }),
  );
  const stop = async () => {
    if (exitCode !== undefined) return;
    child.kill('SIGTERM');
    const killed = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killed);
  };

  const deadline = Date.now() + START_BUDGET_MS;
  for (;;) {
    const output = readFileSync(logFile, 'utf8');
    const match = LISTENING.exec(output);
    if (match?.[1]) return { name: spec.name, url: match[1], pid: child.pid ?? 0, logFile, stop };
    if (exitCode !== undefined || Date.now() > deadline) {
      await stop();
      throw new Error(
        `${spec.name} did not start (exit ${String(exitCode)}); its output:\n${output.slice(-3000)}`,
      );
    }
    await sleep(100);
  }
}

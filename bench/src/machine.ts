// The machine a run was measured on: ratios from one run on one machine are
// what the targets compare, so the report says which machine that was.
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpus: number;
  model: string;
  memoryGiB: number;
  node: string;
  postgres: string;
}

/** The 1-minute load average: above the CPU count, other work competed with the bench. */
export function loadAverage(): number {
  return Math.round((loadavg()[0] ?? 0) * 10) / 10;
}

export function describeMachine(postgres: string): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres,
  };
}

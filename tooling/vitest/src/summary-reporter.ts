// The last lines of a run: which database it ran on, which packages failed,
// and how many tests were skipped and why (from their tags' descriptions).
import type { TestTagDefinition } from 'vitest/config';
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export class SummaryReporter implements Reporter {
  constructor(
    private readonly tags: readonly TestTagDefinition[],
    /** Whole groups the configuration left out, and why. */
    private readonly notes: readonly string[] = [],
  ) {}

  onTestRunEnd(modules: readonly TestModule[], errors: readonly SerializedError[]): void {
    const failedBy = new Map<string, number>();
    const skippedBy = new Map<string, number>();
    for (const module of modules) {
      const project = module.project.name || 'root';
      if (module.state() === 'failed') failedBy.set(project, (failedBy.get(project) ?? 0) + 1);
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state !== 'skipped') continue;
        const reason =
          result.note ??
          this.tags.find((t) => test.tags.includes(t.name))?.description ??
          'skipped in code (no reason given)';
        skippedBy.set(reason, (skippedBy.get(reason) ?? 0) + 1);
      }
    }
    const lines = [
      `database: ${process.env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'in-memory PGlite'}`,
    ];
    if (failedBy.size) {
      const failed = [...failedBy].map(([project, n]) => `${project} (${n} file${n > 1 ? 's' : ''})`);
      lines.push(`failed: ${failed.join(', ')}; every other package passed`);
    }
    if (errors.length) lines.push(`errors outside any test: ${errors.length} (printed above)`);
    for (const [reason, n] of skippedBy) lines.push(`skipped ${n}: ${reason}`);
    lines.push(...this.notes);
    process.stdout.write(`${lines.map((l) => ` ${l}`).join('\n')}\n\n`);
  }
}

// A progress bar on stderr with rate and ETA. Off a terminal it prints a line
// every second instead of redrawing, so logs and tests still see it.
import { SingleBar } from 'cli-progress';

export function progressBar(total: number): SingleBar {
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'importing [{bar}] {percentage}% | {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}',
    noTTYOutput: true,
    notTTYSchedule: 1_000,
    etaBuffer: 500,
    hideCursor: true,
  });
  const started = Date.now();
  bar.start(total, 0, { speed: '0' });
  const update = bar.update.bind(bar);
  bar.update = ((value: number) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    update(value, { speed: (value / seconds).toFixed(0) });
  }) as typeof bar.update;
  return bar;
}

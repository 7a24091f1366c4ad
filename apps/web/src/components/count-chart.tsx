// A bar chart of counts, drawn with plain elements: each bar is a row with its label, a bar as wide
// as its share of the largest count, and the number, so it re-flows at any width and needs no
// chart library (recharts cost the overview 88 KiB of script and its longest task). The picture is
// for the eye: screen readers get a named image with the numbers in words, and everyone can open
// the same numbers as a table. Nothing inside it takes focus.
import { useId } from 'react';

import { Empty } from './empty.tsx';

interface Props {
  title: string;
  /** The table's column headers: what the bars are ("Status"), and what they count. */
  dimension: string;
  measure?: string;
  counts: Record<string, number>;
  color: string;
  format?: (key: string) => string;
}

export function CountChart({
  title,
  dimension,
  measure = 'Assets',
  counts,
  color,
  format = (k) => k,
}: Props) {
  const headingId = useId();
  const data = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([key, count]) => ({ name: format(key), count }));
  const largest = Math.max(1, ...data.map((d) => d.count));
  const summary = data.map((d) => `${d.name}: ${String(d.count)}`).join(', ');
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg bg-surface p-4 shadow-xs ring-1 ring-line sm:p-5"
    >
      <h2 id={headingId} className="mb-4 text-sm font-semibold text-fg-muted">
        {title}
      </h2>
      {data.length === 0 ? (
        <Empty title="Nothing to chart yet." />
      ) : (
        <>
          <div role="img" aria-label={`Bar chart of ${title.toLowerCase()}. ${summary}.`}>
            <div aria-hidden="true" className="grid grid-cols-[minmax(0,7rem)_1fr] gap-x-3 gap-y-2 text-xs">
              {data.map((d) => (
                <div key={d.name} className="contents">
                  <span className="truncate py-1 text-fg-muted" title={d.name}>
                    {d.name}
                  </span>
                  <span className="flex items-center gap-2">
                    <span
                      data-bar
                      className="h-5 min-w-0.5 rounded-r"
                      style={{ width: `${(d.count / largest) * 85}%`, background: color }}
                    />
                    <span className="text-fg tabular-nums">{d.count.toLocaleString()}</span>
                  </span>
                </div>
              ))}
            </div>
          </div>
          <details className="mt-3 text-xs text-fg-muted">
            <summary className="cursor-pointer font-medium text-accent">Show the numbers</summary>
            <table className="mt-2 w-full text-left">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-1 font-semibold">
                    {dimension}
                  </th>
                  <th scope="col" className="py-1 text-right font-semibold">
                    {measure}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.name} className="border-b border-line last:border-0">
                    <th scope="row" className="py-1 font-normal">
                      {d.name}
                    </th>
                    <td className="py-1 text-right tabular-nums">{d.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

// A bar chart of counts. The picture is for the eye: screen readers get a named image with the
// numbers in words, and everyone can open the same numbers as a table. The chart itself takes
// no focus (recharts' keyboard layer is off), since nothing inside it is for the keyboard.
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

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
          {/* Bars run sideways, so long category names get a line each and never overlap,
              whatever the width; the height grows with the number of bars. */}
          <div role="img" aria-label={`Bar chart of ${title.toLowerCase()}. ${summary}.`}>
            <div style={{ height: 24 + data.length * 32 }} aria-hidden="true">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  data={data}
                  layout="vertical"
                  accessibilityLayer={false}
                  margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
                >
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
                  <YAxis type="category" dataKey="name" width={112} tick={{ fontSize: 11 }} interval={0} />
                  <Tooltip
                    cursor={{ fill: 'var(--surface-muted)' }}
                    contentStyle={{
                      background: 'var(--surface)',
                      borderColor: 'var(--line)',
                      color: 'var(--fg)',
                    }}
                  />
                  <Bar dataKey="count" fill={color} radius={[0, 4, 4, 0]} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
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

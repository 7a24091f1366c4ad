import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { Empty } from './empty.tsx';

interface Props {
  title: string;
  counts: Record<string, number>;
  color: string;
  format?: (key: string) => string;
}

/** A bar chart of counts, with the same numbers as a list for screen readers. */
export function CountChart({ title, counts, color, format = (k) => k }: Props) {
  const data = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([key, count]) => ({ name: format(key), count }));
  return (
    <section aria-label={title} className="rounded-lg bg-surface p-5 shadow-xs ring-1 ring-line">
      <h2 className="mb-4 text-sm font-semibold text-fg-muted">{title}</h2>
      {data.length === 0 ? (
        <Empty title="Nothing to chart yet." />
      ) : (
        <>
          {/* Bars run sideways, so long category names get a line each and never overlap,
              whatever the width; the height grows with the number of bars. */}
          <div style={{ height: 24 + data.length * 32 }} aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
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
          <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-fg-muted">
            {data.map((d) => (
              <li key={d.name}>
                {d.name}: <span className="font-semibold tabular-nums">{d.count}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

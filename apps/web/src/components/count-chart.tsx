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
    <section aria-label={title} className="rounded-lg bg-white p-5 shadow-xs ring-1 ring-slate-200">
      <h2 className="mb-4 text-sm font-semibold text-slate-700">{title}</h2>
      {data.length === 0 ? (
        <Empty title="Nothing to chart yet." />
      ) : (
        <>
          <div className="h-56" aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
                <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
                <Tooltip />
                <Bar dataKey="count" fill={color} radius={[4, 4, 0, 0]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
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

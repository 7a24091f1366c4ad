import type { ReactNode } from 'react';

export function DetailList({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="mb-8 grid grid-cols-2 gap-4 rounded-lg bg-surface p-5 shadow-xs ring-1 ring-line sm:grid-cols-4">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt className="text-xs font-medium text-fg-subtle uppercase">{term}</dt>
          <dd className="mt-1 text-sm text-fg">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

import { humanize } from '../lib/format.ts';

const COLORS: Record<string, string> = {
  OPERATIONAL: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  MAINTENANCE: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  OUT_OF_SERVICE: 'bg-red-50 text-red-700 ring-red-600/20',
  RETIRED: 'bg-slate-100 text-slate-600 ring-slate-500/20',
};

export function Badge({ value, color }: { value: string; color?: string }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${color ?? COLORS[value] ?? 'bg-indigo-50 text-indigo-700 ring-indigo-600/20'}`}
    >
      {humanize(value)}
    </span>
  );
}

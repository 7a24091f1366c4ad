import { humanize } from '../lib/format.ts';

const COLORS: Record<string, string> = {
  OPERATIONAL:
    'bg-emerald-50 dark:bg-emerald-950/50 text-emerald-700 dark:text-emerald-300 ring-emerald-600/20',
  MAINTENANCE: 'bg-amber-50 dark:bg-amber-950/50 text-amber-800 dark:text-amber-200 ring-amber-600/20',
  OUT_OF_SERVICE: 'bg-red-50 dark:bg-red-950/50 text-red-700 dark:text-red-300 ring-red-600/20',
  RETIRED: 'bg-surface-strong text-fg-muted ring-slate-500/20',
};

export function Badge({ value, color }: { value: string; color?: string }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${color ?? COLORS[value] ?? 'bg-accent-soft text-accent ring-indigo-600/20'}`}
    >
      {humanize(value)}
    </span>
  );
}

import { humanize } from '../lib/format.ts';
import { setTheme, THEMES, useTheme } from '../lib/theme.ts';
import type { Theme } from '../lib/theme.ts';
import { inputClass } from './field.tsx';

/** Light, dark, or whatever the system says; remembered in this browser. */
export function ThemePicker() {
  const theme = useTheme();
  return (
    <label className="flex items-center gap-2 text-xs text-fg-subtle">
      Theme
      <select
        className={`${inputClass} py-1 text-xs`}
        value={theme}
        onChange={(e) => {
          setTheme(e.target.value as Theme);
        }}
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {humanize(t)}
          </option>
        ))}
      </select>
    </label>
  );
}

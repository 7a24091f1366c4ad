// A list filter as a select: "All …" for no filter, then its options. A value
// from the URL stays selectable before (or without) its options.
import { inputClass } from './field.tsx';

export function FilterSelect({
  label,
  all,
  value,
  options,
  onChange,
}: {
  label: string;
  all: string;
  value: string | undefined;
  options: { value: string; label: string }[] | undefined;
  onChange: (value: string) => void;
}) {
  const shown = options ?? [];
  const withValue =
    value && !shown.some((o) => o.value === value) ? [...shown, { value, label: '…' }] : shown;
  return (
    <label className="w-full sm:w-44">
      <span className="sr-only">{label}</span>
      <select
        className={inputClass}
        value={value ?? ''}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        <option value="">{all}</option>
        {withValue.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

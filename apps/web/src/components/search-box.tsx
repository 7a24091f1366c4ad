import { useEffect, useState } from 'react';

import { inputClass } from './field.tsx';

/** A labelled search input that reports after the user pauses typing. */
export function SearchBox({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const [text, setText] = useState(value);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => {
      onChange(text);
    }, 250);
    return () => {
      clearTimeout(timer);
    };
  }, [text, value, onChange]);
  return (
    <label className="block w-full max-w-xs">
      <span className="sr-only">{label}</span>
      <input
        type="search"
        className={inputClass}
        placeholder={label}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
        }}
      />
    </label>
  );
}

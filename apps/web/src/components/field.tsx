// A labelled form control with its error. The error is tied to the input with
// aria-describedby, so screen readers announce it with the field.
import { useId } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { cloneElement } from 'react';

export const inputClass =
  'block w-full rounded-md border-0 bg-surface px-3 py-2 text-sm text-fg ring-1 ring-line-strong placeholder:text-fg-subtle focus:ring-2 focus:ring-indigo-600 aria-[invalid=true]:ring-red-500';

interface Props {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactElement<Record<string, unknown>>;
}

export function Field({ label, error, hint, children }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-fg-muted">
        {label}
      </label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      {hint && !error ? <p className="text-xs text-fg-subtle">{hint}</p> : null}
      {error ? (
        <p id={errorId} role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

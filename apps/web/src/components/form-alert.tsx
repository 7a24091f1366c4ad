// A form's own error, above its fields: what went wrong that no single field owns
// (seats taken, a used invitation, a failed sign-in). Field errors stay on their fields.
import type { ReactNode } from 'react';

export function FormAlert({ children }: { children: ReactNode }) {
  return (
    <p
      role="alert"
      className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200 dark:bg-red-950/50 dark:text-red-300 dark:ring-red-900"
    >
      {children}
    </p>
  );
}

// Puts the server's zod field errors on the form's fields, so a rule the
// browser did not check still shows where the user can fix it.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

import { fieldErrors } from './errors.ts';

export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
) {
  for (const [field, message] of Object.entries(fieldErrors(error))) {
    if (fields.includes(field)) setError(field as Path<T>, { type: 'server', message });
  }
}

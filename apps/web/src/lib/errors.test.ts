import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';

import { errorCode, errorMessage, fieldErrors } from './errors.ts';

function trpcError(message: string, data: unknown) {
  const error = new TRPCClientError<never>(message);
  Object.assign(error, { data });
  return error;
}

describe('errors', () => {
  it('reads the code and shows the server message', () => {
    const error = trpcError('Asset tag X is already in use.', { code: 'CONFLICT' });
    expect(errorCode(error)).toBe('CONFLICT');
    expect(errorMessage(error)).toBe('Asset tag X is already in use.');
  });

  it('maps zod field errors and hides the raw issue dump', () => {
    const error = trpcError('[{"code":"too_small"}]', {
      code: 'BAD_REQUEST',
      zodError: { fieldErrors: { name: ['is required'] }, formErrors: [] },
    });
    expect(fieldErrors(error)).toEqual({ name: 'is required' });
    expect(errorMessage(error)).toBe('Check the highlighted fields (name is required).');
  });
});

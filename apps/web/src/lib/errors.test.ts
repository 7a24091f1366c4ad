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

  it('puts a catalog error on the field it names, and keeps its message', () => {
    const error = trpcError('Asset tag T-1 is already in use.', {
      code: 'CONFLICT',
      appCode: 'ASSET_TAG_TAKEN',
      field: 'tag',
      zodError: null,
    });
    expect(fieldErrors(error)).toEqual({ tag: 'Asset tag T-1 is already in use.' });
    expect(errorMessage(error)).toBe('Asset tag T-1 is already in use.');
  });
});

import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';

import {
  errorCode,
  errorMessage,
  fieldErrors,
  isClientError,
  isTransient,
  NETWORK_MESSAGE,
} from './errors.ts';

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

  it("never shows fetch's own words: no answer at all is said for people, and is transient", () => {
    const lost = TRPCClientError.from(new TypeError('Failed to fetch'));
    expect(errorMessage(lost)).toBe(NETWORK_MESSAGE);
    expect(isTransient(lost)).toBe(true);
    expect(isClientError(lost)).toBe(false);
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe(NETWORK_MESSAGE);
  });

  it("a 503 is transient and keeps the API's words; a 4xx is the client's and final", () => {
    const unavailable = trpcError('The service is briefly unavailable.', {
      code: 'SERVICE_UNAVAILABLE',
      httpStatus: 503,
    });
    expect(isTransient(unavailable)).toBe(true);
    expect(errorMessage(unavailable)).toBe('The service is briefly unavailable.');
    const refused = trpcError('Not yours.', { code: 'FORBIDDEN', httpStatus: 403 });
    expect(isTransient(refused)).toBe(false);
    expect(isClientError(refused)).toBe(true);
  });
});

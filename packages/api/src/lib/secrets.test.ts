import { describe, expect, it } from 'vitest';

import { newSecret, parseSecret } from './secrets.ts';

const tenantId = '019a0000-0000-7000-8000-00000000abcd';

describe('secrets', () => {
  it('round-trip their tenant and hash, whatever characters the random part holds', () => {
    for (let i = 0; i < 200; i += 1) {
      const { secret, hash } = newSecret('inv', tenantId);
      expect(parseSecret('inv', secret)).toEqual({ tenantId, hash });
    }
  });

  it('reject another kind, a bad tenant part or a truncated secret', () => {
    const { secret } = newSecret('tk', tenantId);
    expect(parseSecret('inv', secret)).toBeNull();
    expect(parseSecret('tk', secret.slice(0, -1))).toBeNull();
    expect(parseSecret('tk', secret.replace(/_[0-9a-f]{32}_/, '_nothex_'))).toBeNull();
    expect(parseSecret('tk', '')).toBeNull();
  });
});

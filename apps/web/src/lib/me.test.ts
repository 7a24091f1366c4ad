import { describe, expect, it } from 'vitest';

import { atLeast } from './me.ts';

describe('atLeast', () => {
  it('ranks member < admin < owner, and an unknown role below all', () => {
    expect(atLeast('OWNER', 'ADMIN')).toBe(true);
    expect(atLeast('ADMIN', 'ADMIN')).toBe(true);
    expect(atLeast('MEMBER', 'ADMIN')).toBe(false);
    expect(atLeast('ADMIN', 'OWNER')).toBe(false);
    expect(atLeast(undefined, 'MEMBER')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';

import { humanize, plural } from './format.ts';

describe('humanize', () => {
  it('turns enum values into words', () => {
    expect(humanize('OUT_OF_SERVICE')).toBe('Out of service');
    expect(humanize('team')).toBe('Team');
  });
});

describe('plural', () => {
  it('counts with the noun in the right number', () => {
    expect(plural(0, 'member')).toBe('0 members');
    expect(plural(1, 'pending invitation')).toBe('1 pending invitation');
    expect(plural(1_200, 'asset')).toBe('1,200 assets');
  });
});

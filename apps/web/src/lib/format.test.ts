import { describe, expect, it } from 'vitest';

import { formatCount, humanize, plural } from './format.ts';

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

describe('formatCount', () => {
  it('groups thousands, and marks a capped count', () => {
    expect(formatCount(7)).toBe('7');
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(10_000, true)).toBe('10,000+');
  });
});

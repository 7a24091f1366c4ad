import { describe, expect, it } from 'vitest';

import { formatCount, humanize } from './format.ts';

describe('humanize', () => {
  it('turns enum values into words', () => {
    expect(humanize('OUT_OF_SERVICE')).toBe('Out of service');
    expect(humanize('team')).toBe('Team');
  });
});

describe('formatCount', () => {
  it('groups thousands, and marks a capped count', () => {
    expect(formatCount(7)).toBe('7');
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(10_000, true)).toBe('10,000+');
  });
});

import { describe, expect, it } from 'vitest';

import { humanize } from './format.ts';

describe('humanize', () => {
  it('turns enum values into words', () => {
    expect(humanize('OUT_OF_SERVICE')).toBe('Out of service');
    expect(humanize('team')).toBe('Team');
  });
});

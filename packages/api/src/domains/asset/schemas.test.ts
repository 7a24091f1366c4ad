// Install dates are bounded: none before 1900, none after today anywhere on Earth.
import { describe, expect, it } from 'vitest';

import { installedLatest, ZCreateAssetInput } from './schemas.ts';

const asset = (installedAt: string) =>
  ZCreateAssetInput.safeParse({
    buildingId: crypto.randomUUID(),
    tag: 'T-1',
    name: 'Pump',
    category: 'HVAC',
    installedAt,
  });

const messageOf = (installedAt: string) => asset(installedAt).error?.issues[0]?.message;

describe('installedAt', () => {
  it('accepts past dates and today', () => {
    expect(asset('1900-01-01').success).toBe(true);
    expect(asset('2024-02-29').success).toBe(true);
    expect(asset(new Date().toISOString().slice(0, 10)).success).toBe(true);
  });

  it('refuses the future, the distant past and impossible dates, saying which', () => {
    expect(messageOf('2099-01-01')).toBe('cannot be in the future');
    const dayAfterLatest = new Date(Date.parse(installedLatest()) + 86_400_000).toISOString().slice(0, 10);
    expect(messageOf(dayAfterLatest)).toBe('cannot be in the future');
    expect(messageOf('0202-05-01')).toBe('must be 1900-01-01 or later');
    expect(messageOf('2023-02-29')).toBe('must be a date (YYYY-MM-DD)');
  });

  it("'today' runs up to UTC+14, so that no time zone's today is refused", () => {
    expect(installedLatest(new Date('2026-12-03T09:59:59Z'))).toBe('2026-12-03');
    expect(installedLatest(new Date('2026-12-03T10:00:00Z'))).toBe('2026-12-04');
  });
});

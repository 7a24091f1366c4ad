// zText: what a text field refuses, and what it changes, per kind of field.
import { describe, expect, it } from 'vitest';

import { zText } from './text.ts';

const oneLine = zText({ min: 1, max: 20 });
const multiline = zText({ max: 40, multiline: true });
const verbatim = zText({ max: 20, verbatim: true });

const problems = (schema: typeof oneLine, value: unknown) =>
  schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('zText', () => {
  it.each([
    ['a NUL', 'a\u0000b', 'must not contain a NUL character (U+0000)'],
    ['a high surrogate alone', 'a\ud800b', 'contains a broken character (an unpaired surrogate, U+D800)'],
    ['a low surrogate alone', 'a\udc00b', 'contains a broken character (an unpaired surrogate, U+DC00)'],
    ['an escape', 'a\u001b[31mb', 'must not contain a control character (U+001B)'],
    ['a backspace', 'a\bb', 'must not contain a control character (U+0008)'],
    ['DEL', 'a\u007fb', 'must not contain a control character (U+007F)'],
    ['a C1 control', 'a\u0085b', 'must not contain a control character (U+0085)'],
    ['a tab', 'a\tb', 'must not contain a tab'],
    ['a line feed', 'a\nb', 'must be a single line'],
    ['a carriage return', 'a\rb', 'must be a single line'],
    ['a line separator', 'a\u2028b', 'must be a single line'],
  ])('a one-line field refuses %s', (_, value, message) => {
    expect(problems(oneLine, value)).toContain(message);
  });

  it('accepts any printable text, emoji and right-to-left scripts included', () => {
    for (const value of ['Zoë', '東京タワー', 'مبنى ٣', '🏭 Plant 2', "O'Brien & Sons"]) {
      expect(oneLine.parse(value)).toBe(value);
    }
  });

  it('trims and normalizes to NFC, then checks the length', () => {
    expect(oneLine.parse('  Cafe\u0301 \n')).toBe('Caf\u00e9');
    expect(problems(oneLine, '   ')).toEqual(['is required']);
    expect(problems(oneLine, 'x'.repeat(21))).toEqual(['is at most 20 characters']);
  });

  it('a multiline field keeps line breaks as LF and still refuses tabs and NULs', () => {
    expect(multiline.parse('1 Main St\r\nSpringfield\rUSA\u2029')).toBe('1 Main St\nSpringfield\nUSA');
    expect(problems(multiline, 'a\tb')).toEqual(['must not contain a tab']);
    expect(problems(multiline, 'a\n\u0000')).toEqual(['must not contain a NUL character (U+0000)']);
  });

  it('a verbatim field (a secret) is neither trimmed nor normalized, but refuses the same characters', () => {
    expect(verbatim.parse(' Cafe\u0301 ')).toBe(' Cafe\u0301 ');
    expect(problems(verbatim, 'pw\u0000')).toEqual(['must not contain a NUL character (U+0000)']);
  });

  it('refuses what is not a string', () => {
    for (const value of [1, null, {}, ['a'], true]) expect(problems(oneLine, value)).toHaveLength(1);
  });
});

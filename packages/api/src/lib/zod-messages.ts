// zod's own messages, in words for people. Where a schema does not word its
// error itself, zod's English locale says "Too big: expected number to be
// <=300"; this says "must be at most 300", in the form the schemas' own messages
// take ("is required", "must be an id"): the field's name comes before it. The
// server and the dashboard's forms share the schemas, so both get these words.
import { z } from 'zod';
import type { core } from 'zod';

type Issue = core.$ZodRawIssue;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  bigint: 'a whole number',
};

const UNITS: Record<string, [one: string, many: string]> = {
  string: ['character', 'characters'],
  array: ['item', 'items'],
  set: ['item', 'items'],
  file: ['byte', 'bytes'],
};

const count = (n: number | bigint, [one, many]: [string, string]) =>
  `${n.toLocaleString('en-US')} ${n === 1 || n === 1n ? one : many}`;

const FORMATS: Record<string, string> = {
  email: 'an email address',
  uuid: 'an id',
  url: 'a web address',
  date: 'a date (YYYY-MM-DD)',
  datetime: 'a date and time',
  time: 'a time',
};

function bound(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>): string {
  const big = issue.code === 'too_big';
  const limit = big ? issue.maximum : issue.minimum;
  const units = UNITS[issue.origin];
  if (units) {
    if (!big && limit === 1 && issue.origin === 'string') return 'is required';
    if (issue.exact) return `must be exactly ${count(limit, units)}`;
    return `must have at ${big ? 'most' : 'least'} ${count(limit, units)}`;
  }
  if (issue.origin === 'date') {
    const day = new Date(Number(limit)).toISOString().slice(0, 10);
    return big ? `must be on or before ${day}` : `must be on or after ${day}`;
  }
  const number = limit.toLocaleString('en-US');
  if (issue.inclusive === false) return big ? `must be less than ${number}` : `must be more than ${number}`;
  return big ? `must be at most ${number}` : `must be at least ${number}`;
}

const listed = (values: readonly unknown[]) => values.map((v) => String(v)).join(', ');

/** The message for an issue zod would word itself; undefined leaves it to zod. */
export function peopleMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'too_big':
    case 'too_small':
      return bound(issue);
    case 'invalid_format':
      if (issue.format === 'regex') return 'is not in the expected form';
      return `must be ${FORMATS[issue.format] ?? `a valid ${issue.format}`}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a field' : 'fields'} it does not take: ${listed(issue.keys)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${listed(issue.values)}`
        : `must be one of: ${listed(issue.values)}`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return 'is not valid';
    default:
      return undefined;
  }
}

z.config({ customError: peopleMessage });

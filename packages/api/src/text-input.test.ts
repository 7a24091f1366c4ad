// Every string field of every procedure's input refuses a NUL and a lone
// surrogate with BAD_REQUEST and an issue on that field (issue #11: they used
// to reach PostgreSQL and come back as 500s). The fields are found by walking
// each input schema, so a new string field is covered the day it is added, and
// a procedure without a valid input in testing/valid-inputs.ts fails here.
import { TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';

import { callPath, createHarness, procedurePaths } from './testing/harness.ts';
import type { Harness, Org } from './testing/harness.ts';
import { rawTrpc } from './testing/raw-http.ts';
import { inputSchemaOf, stringFields, VALID_INPUTS, valueAt, withValue } from './testing/valid-inputs.ts';

const SPOILERS = [
  { label: 'a NUL', value: 'a\u0000b', message: 'must not contain a NUL character (U+0000)' },
  {
    label: 'a lone surrogate',
    value: 'a\ud800b',
    message: 'contains a broken character (an unpaired surrogate, U+D800)',
  },
];

/** Every procedure × every string field of its input × every spoiler. */
const CASES = procedurePaths.flatMap((path) => {
  const schema = inputSchemaOf(path);
  if (!schema) return [];
  return stringFields(schema).flatMap(({ path: field, format }) =>
    SPOILERS.map((spoiler) => ({ path, field, format, ...spoiler })),
  );
});

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness();
  org = await h.register('text-input');
});
afterAll(() => h.close());

describe('text input', () => {
  it('has a valid input for every procedure', () => {
    expect(Object.keys(VALID_INPUTS).sort()).toEqual([...procedurePaths].sort());
  });

  it('the valid inputs are valid and fill every string field', async () => {
    for (const path of procedurePaths) {
      const schema = inputSchemaOf(path);
      if (!schema) continue;
      const result = await schema.safeParseAsync(VALID_INPUTS[path]);
      expect(result.error?.issues ?? [], path).toEqual([]);
      for (const { path: field } of stringFields(schema)) {
        expect(typeof valueAt(VALID_INPUTS[path], field), `${path} ${field.join('.')}`).toBe('string');
      }
    }
  });

  for (const { path, field, format, label, value, message } of CASES) {
    it(`${path}: ${field.join('.')} refuses ${label}`, async () => {
      const input = withValue(VALID_INPUTS[path], field, value);
      const error = await callPath(org.owner.caller, path, input).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      const issues = ((error as TRPCError).cause as ZodError).issues;
      const onField = issues.filter((issue) => issue.path.join('.') === field.join('.'));
      expect(onField.length, JSON.stringify(issues)).toBeGreaterThan(0);
      // Free text says what is wrong in its own words; ids, dates and the like refuse it as malformed.
      if (!format) expect(onField.map((issue) => issue.message)).toContain(message);
    });
  }

  it('over HTTP: a 400 whose field errors name the field and the character', async () => {
    const { status, body } = await rawTrpc(
      h,
      'site.create',
      JSON.stringify(superjson.serialize({ name: 'HQ\u0000', address: '1 Main St' })),
      { token: org.owner.token },
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: {
        json: {
          data: { zodError: { fieldErrors: { name: ['must not contain a NUL character (U+0000)'] } } },
        },
      },
    });
  });

  it('stores names in NFC, trimmed, and keeps line breaks in an address', async () => {
    const site = await org.owner.caller.site.create({
      name: '  Cafe\u0301 du Port ',
      address: 'Quai 1\r\n75001 Paris',
    });
    expect(site.name).toBe('Caf\u00e9 du Port');
    expect(site.address).toBe('Quai 1\n75001 Paris');
    // One search finds it however the accent was typed.
    const found = await org.owner.caller.site.list({ search: 'Cafe\u0301' });
    expect(found.items.map((s) => s.id)).toEqual([site.id]);
  });
});

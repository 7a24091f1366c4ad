// Property-based fuzzing over HTTP (issue #11): every procedure of the router
// (alone and in batches), and better-auth's sign-up, sign-in, update-user and
// change-password, get arbitrary JSON, superjson-shaped bodies with hostile
// metadata, and valid inputs with one value spoiled (NUL, lone surrogates,
// 100k strings, wrong types, deep nesting). Whatever comes in, the answer is never a 5xx, and what
// is accepted comes back as clean text.
//
// Runs are few and seeded, so the suite stays a few seconds on two cores and
// every run sends the same requests; a failure prints the seed and the
// shrunk input. A procedure without a valid input (testing/valid-inputs.ts)
// fails here, as it does in the matrices.
import fc from 'fast-check';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHarness, isMutation, procedurePaths } from './testing/harness.ts';
import type { Harness, Org } from './testing/harness.ts';
import { rawAuth, rawTrpc } from './testing/raw-http.ts';
import type { RawResult } from './testing/raw-http.ts';
import { VALID_INPUTS } from './testing/valid-inputs.ts';
import { textProblem } from './lib/text.ts';

/** Runs per procedure and per auth endpoint: enough variety, a few seconds in all. */
const RUNS = 10;
const SEED = 20261203;

// Values.

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
/** One unit of a hostile string: any code point, a control or formatting character, or half a surrogate pair. */
const hostileUnit = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      '\u0000',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u2028',
      '\u202e',
      '\ufeff',
      '\uffff',
      '%00',
    ),
    weight: 2,
  },
  { arbitrary: loneSurrogate, weight: 1 },
);
const hugeStrings = ['x'.repeat(100_000), '\u0000'.repeat(1_000), '\ud800'.repeat(1_000), 'é'.repeat(50_000)];
const hostileString = fc.oneof(
  { arbitrary: fc.string({ unit: hostileUnit, minLength: 1, maxLength: 30 }), weight: 3 },
  {
    arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'a\udc00b', '\u001b[2J', ...hugeStrings),
    weight: 2,
  },
  { arbitrary: fc.constantFrom("x' OR 1=1 --", '__proto__', 'constructor', '{"$ne":null}', ''), weight: 1 },
);
const nested = (depth: number): unknown =>
  Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: inner }), 'x');
/** Any value a client could send, superjson's types included (Date, bigint, Map, Set, NaN, undefined). */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 3 },
  {
    arbitrary: fc.anything({
      maxDepth: 3,
      maxKeys: 5,
      stringUnit: hostileUnit,
      withBigInt: true,
      withDate: true,
    }),
    weight: 3,
  },
  {
    arbitrary: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }).map((items) => new Set(items)),
    weight: 1,
  },
  {
    arbitrary: fc
      .array(fc.tuple(hostileString, fc.jsonValue({ maxDepth: 1 })), { maxLength: 3 })
      .map((entries) => new Map(entries)),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom<unknown>(
      null,
      undefined,
      -1,
      2 ** 53 + 1,
      1e308,
      NaN,
      [],
      {},
      nested(500),
      Array(10_000).fill(0),
    ),
    weight: 1,
  },
);

// Wire bodies.

/** Every path into `value`: its leaves and its containers. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([key, inner]) => pathsOf(inner, [...at, key]))];
}

/** A copy of `input` with `value` at `path`; a `__proto__` key becomes an own property, as JSON.parse makes it. */
function withValue(input: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(input) ? [...(input as unknown[])] : { ...(input as object) }) as Record<
    string,
    unknown
  >;
  Object.defineProperty(copy, key, {
    value: withValue(copy[key], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** JSON.stringify, with bigints as strings; undefined as an empty body. */
function plainJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
}
/**
 * tRPC's wire format, superjson's { json, meta }. superjson refuses to write a
 * `__proto__` key, which a hostile client sends all the same: plain JSON then.
 */
function wire(value: unknown): string {
  try {
    return JSON.stringify(superjson.serialize(value));
  } catch {
    return plainJson({ json: value });
  }
}

/** A valid input with one leaf spoiled (a hostile string, mostly), or one key added, at any depth. */
function spoiled(valid: unknown, encode: (value: unknown) => string) {
  const paths = pathsOf(valid);
  const leaves = paths.filter((path) => {
    const value: unknown = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], valid);
    return value === null || typeof value !== 'object';
  });
  const spoiler = fc.oneof({ arbitrary: hostileString, weight: 4 }, { arbitrary: anyValue, weight: 1 });
  return fc.oneof(
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...leaves), spoiler)
        .map(([path, value]) => encode(withValue(valid, path, value))),
      weight: 4,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...paths), fc.constantFrom('tenantId', '__proto__', 'role', 'x'), anyValue)
        .map(([path, key, value]) => encode(withValue(valid, [...path, key], value))),
      weight: 1,
    },
  );
}

/** superjson's envelope with metadata that lies about the values' types. */
function lyingMeta(valid: unknown) {
  const keys = pathsOf(valid)
    .filter((path) => path.length > 0)
    .map((path) => path.join('.'));
  const annotation = fc.oneof(
    fc.constantFrom(
      'undefined',
      'bigint',
      'Date',
      'regexp',
      'set',
      'map',
      'number',
      'symbol',
      'Error',
      'URL',
    ),
    fc.tuple(fc.constantFrom('class', 'symbol', 'custom', 'typed-array'), hostileString),
    fc.jsonValue({ maxDepth: 2 }),
  );
  const values = keys.length
    ? fc.oneof(fc.dictionary(fc.constantFrom(...keys), annotation), annotation)
    : annotation;
  return fc
    .record(
      { values, referentialEqualities: fc.option(fc.jsonValue({ maxDepth: 2 })) },
      { requiredKeys: ['values'] },
    )
    .map((meta) => JSON.stringify({ json: valid, meta }));
}

/** Bodies no client library would produce. */
const rawBodies = fc.oneof(
  fc.jsonValue({ maxDepth: 3, stringUnit: hostileUnit }).map((value) => JSON.stringify(value)),
  fc.constantFrom(
    '',
    '{',
    'null',
    '"x"',
    '[]',
    '{"json":',
    '{"json":{"__proto__":{"x":1}}}',
    '\u0000',
    'x'.repeat(100_000),
  ),
);

/** The three kinds of request body, for a procedure whose valid input is `valid`. */
const bodiesFor = (valid: unknown) =>
  fc.oneof(
    { arbitrary: anyValue.map(wire), weight: 1 },
    { arbitrary: spoiled(valid, wire), weight: 5 },
    { arbitrary: lyingMeta(valid), weight: 1 },
    { arbitrary: rawBodies, weight: 1 },
  );

/** Every string in `value`, at any depth. */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value !== null && typeof value === 'object'
      ? Object.values(value).flatMap(stringsIn)
      : [];

/** Never a 5xx; and what was accepted comes back clean (no NUL, control character or broken character stored). */
function expectSound(result: RawResult, what: string, body: string | undefined) {
  const problem =
    result.status >= 500
      ? `answered ${result.status}`
      : result.status < 300
        ? stringsIn(result.body)
            .map((text) => textProblem(text, true))
            .find(Boolean)
        : undefined;
  if (problem) {
    throw new Error(
      `${what} ${problem}: ${JSON.stringify(result.body).slice(0, 500)}\nfor ${body?.slice(0, 500)}`,
    );
  }
}

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness();
  org = await h.register('fuzz');
});
afterAll(() => h.close());

/** Most runs as the owner, who may call everything; some anonymous, which stops at the door. */
const signedInMostly = fc.oneof(
  { arbitrary: fc.constant(true), weight: 4 },
  { arbitrary: fc.constant(false), weight: 1 },
);

describe('fuzzing the tRPC endpoint', () => {
  procedurePaths.forEach((path, index) => {
    it(`${path} never answers 5xx`, async () => {
      expect(path in VALID_INPUTS, `${path} has no entry in testing/valid-inputs.ts`).toBe(true);
      const valid = VALID_INPUTS[path];
      const query = !isMutation(path);
      await fc.assert(
        fc.asyncProperty(bodiesFor(valid), signedInMostly, async (body, signedIn) => {
          const result = await rawTrpc(h, path, body, { token: signedIn ? org.owner.token : null, query });
          expectSound(result, path, body);
        }),
        { seed: SEED + index, numRuns: RUNS },
      );
    });
  });
});

describe('fuzzing tRPC batches', () => {
  const queries = procedurePaths.filter((path) => !isMutation(path));
  const mutations = procedurePaths.filter(isMutation);
  /** Two or three calls of one kind, each with a spoiled or arbitrary input. */
  const batch = (paths: string[]) =>
    fc.array(fc.constantFrom(...paths), { minLength: 2, maxLength: 3 }).chain((chosen) =>
      fc
        .tuple(...chosen.map((path) => fc.oneof(spoiled(VALID_INPUTS[path], wire), anyValue.map(wire))))
        .map((bodies) => ({
          path: chosen.join(','),
          body: JSON.stringify(Object.fromEntries(bodies.map((body, i) => [i, JSON.parse(body) as unknown]))),
        })),
    );
  it.each([
    ['queries', queries, true],
    ['mutations', mutations, false],
  ] as const)('a batch of %s never answers 5xx', async (_, paths, query) => {
    await fc.assert(
      fc.asyncProperty(batch(paths), async ({ path, body }) => {
        const result = await rawTrpc(h, path, body, { token: org.owner.token, query, batch: true });
        expectSound(result, path, body);
      }),
      { seed: SEED + 200 + (query ? 0 : 1), numRuns: RUNS },
    );
  });
});

describe("fuzzing better-auth's endpoints", () => {
  const ENDPOINTS: [string, Record<string, unknown>, boolean][] = [
    [
      '/sign-up/email',
      { name: 'Fuzz', email: 'fuzz-signup@example.test', password: 'correct horse battery' },
      false,
    ],
    ['/sign-in/email', { email: 'nobody@example.test', password: 'not the password' }, false],
    ['/update-user', { name: 'Fuzzed Owner' }, true],
    // A wrong current password: a run that got through would change nothing.
    ['/change-password', { currentPassword: 'not the password', newPassword: 'a new long password' }, true],
  ];
  ENDPOINTS.forEach(([endpoint, valid, signedIn], index) => {
    it(`${endpoint} never answers 5xx`, async () => {
      const bodies = fc.oneof(
        { arbitrary: anyValue.map(plainJson), weight: 1 },
        { arbitrary: spoiled(valid, plainJson), weight: 3 },
        { arbitrary: rawBodies, weight: 1 },
      );
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const result = await rawAuth(h, endpoint, body, signedIn ? org.owner.token : null);
          expectSound(result, endpoint, body);
        }),
        { seed: SEED + 100 + index, numRuns: RUNS },
      );
    });
  });
});

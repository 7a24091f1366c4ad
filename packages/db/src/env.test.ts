import { describe, expect, it } from 'vitest';

import { configFromEnv } from './client.ts';
import { readDbEnv } from './env.ts';

const owner = 'postgresql://owner@db:5432/tenantry';
const app = 'postgresql://tenantry_app@pgbouncer:6432/tenantry';
const auth = 'postgresql://tenantry_auth@pgbouncer:6432/tenantry';

describe('database settings', () => {
  it('without a URL the database is PGlite', () => {
    expect(configFromEnv(readDbEnv({ DATABASE_URL: '' })).kind).toBe('pglite');
  });

  it('per-role URLs (a pooler) come as a pair, beside DATABASE_URL', () => {
    expect(
      configFromEnv(readDbEnv({ DATABASE_URL: owner, DATABASE_APP_URL: app, DATABASE_AUTH_URL: auth })),
    ).toMatchObject({ kind: 'postgres', url: owner, roles: { app, auth } });
    expect(configFromEnv(readDbEnv({ DATABASE_URL: owner, DATABASE_APP_URL: '' }))).toMatchObject({
      roles: undefined,
    });
  });

  it('says what is wrong with the per-role URLs', () => {
    expect(() => readDbEnv({ DATABASE_URL: owner, DATABASE_APP_URL: app })).toThrow(
      'invalid DATABASE_APP_URL: set DATABASE_APP_URL and DATABASE_AUTH_URL together',
    );
    expect(() => readDbEnv({ DATABASE_APP_URL: app, DATABASE_AUTH_URL: auth })).toThrow(
      'invalid DATABASE_URL: DATABASE_APP_URL needs DATABASE_URL too',
    );
    expect(() =>
      readDbEnv({ DATABASE_URL: owner, DATABASE_APP_URL: 'mysql://x', DATABASE_AUTH_URL: auth }),
    ).toThrow('invalid DATABASE_APP_URL: must be a postgres:// or postgresql:// URL');
  });
});

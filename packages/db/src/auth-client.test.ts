import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { authClient, AuthScopeError } from './auth-client.ts';
import type { Database } from './client.ts';
import { insertTenant } from './testing/fixtures.ts';
import type { TenantRows } from './testing/fixtures.ts';
import { createTestDatabase } from './testing/test-db.ts';
import type { TestDatabase } from './testing/test-db.ts';

let db: TestDatabase;
let app: Database;
let a: TenantRows;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await insertTenant(db.owner, 'a');
  await insertTenant(db.owner, 'b');
  app = await db.openApp({ max: 1 });
});
afterAll(() => db.close());

describe('authClient', () => {
  it('finds a user by email with no tenant bound, then hands the connection back to the app role', async () => {
    const auth = authClient(app.prisma);
    const user = await auth.user.findFirst({ where: { email: { startsWith: 'a-' } } });
    expect(user?.id).toBe(a.userId);
    expect(await auth.user.count()).toBe(2);
    const [me] = await app.prisma.$queryRaw<{ current_user: string }[]>`select current_user`;
    expect(me?.current_user).toBe('tenantry_app');
    expect(await app.prisma.user.count()).toBe(0);
  });

  it('runs a raw statement as tenantry_auth too, then hands the connection back', async () => {
    const auth = authClient(app.prisma);
    const [row] = await auth.$queryRaw<{ role: string; users: number }[]>`
      select current_user as role, (select count(*) from users)::int as users`;
    expect(row).toEqual({ role: 'tenantry_auth', users: 2 });
    const [me] = await app.prisma.$queryRaw<{ current_user: string }[]>`select current_user`;
    expect(me?.current_user).toBe('tenantry_app');
  });

  it('reaches no tenant data', async () => {
    const auth = authClient(app.prisma);
    await expect(auth.site.findMany()).rejects.toThrow(AuthScopeError);
  });
});

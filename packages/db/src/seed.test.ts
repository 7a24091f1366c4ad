import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from './client.ts';
import { verifyPassword } from './password.ts';
import { DEMO, seed } from './seed.ts';
import { withTenant } from './tenant.ts';
import { createTestDatabase } from './testing/test-db.ts';
import type { TestDatabase } from './testing/test-db.ts';

let db: TestDatabase;
let app: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  app = await db.openApp();
});
afterAll(() => db.close());

describe('seed', () => {
  it('creates the demo tenant once, through the app role', async () => {
    expect(await seed(app.prisma)).toBe('created');
    expect(await seed(app.prisma)).toBe('exists');
    const summary = await withTenant(app.prisma, DEMO.tenantId, async (tx) => ({
      organization: await tx.organization.findFirst({ include: { owner: true } }),
      sites: await tx.site.count(),
      buildings: await tx.building.count(),
      assets: await tx.asset.count(),
      statuses: await tx.asset.groupBy({ by: ['status'], _count: true }),
    }));
    expect(summary.organization?.name).toBe(DEMO.organization);
    expect(summary.organization?.owner).toMatchObject({ email: DEMO.email, role: 'OWNER', isActive: true });
    expect(summary).toMatchObject({ sites: 3, buildings: 5, assets: 25 });
    expect(summary.statuses.length).toBeGreaterThan(1);
  });

  it("stores the owner's password as an argon2id hash that verifies", async () => {
    const [account] = await db.owner.rows<{ password: string }>(
      `select a.password from accounts a join users u on u.id = a.user_id where u.email = '${DEMO.email}'`,
    );
    const hash = account?.password ?? '';
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, DEMO.password)).toBe(true);
    expect(await verifyPassword(hash, 'wrong')).toBe(false);
  });
});

// The demo tenant, so a first `pnpm dev` has something to show. Idempotent.
import type { Db } from './client.ts';
import { createCredential } from './credentials.ts';
import type { AssetStatus } from './generated/enums.ts';
import { hashPassword } from './password.ts';
import { withTenant } from './tenant.ts';

export const DEMO = {
  tenantId: '019a0000-0000-7000-8000-000000000001',
  organization: 'Acme Facilities',
  name: 'Dana Demo',
  email: 'demo@tenantry.dev',
  password: 'tenantry-demo',
} as const;

const SITES = [
  { name: 'Headquarters', address: '1 Harbour Street, Bristol', buildings: ['North Tower', 'South Tower'] },
  {
    name: 'Distribution Centre',
    address: '40 Quay Road, Avonmouth',
    buildings: ['Warehouse A', 'Warehouse B'],
  },
  { name: 'Research Campus', address: 'Science Park, Cambridge', buildings: ['Lab 1'] },
];

const KINDS = [
  { category: 'HVAC', name: 'Air handling unit' },
  { category: 'Electrical', name: 'Distribution board' },
  { category: 'Fire safety', name: 'Sprinkler pump' },
  { category: 'Plumbing', name: 'Booster set' },
  { category: 'Lifts', name: 'Passenger lift' },
];
const STATUSES: AssetStatus[] = [
  'OPERATIONAL',
  'OPERATIONAL',
  'OPERATIONAL',
  'MAINTENANCE',
  'OUT_OF_SERVICE',
];

export type SeedResult = 'created' | 'exists';

export async function seed(db: Db): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO.password);
  return withTenant(
    db,
    DEMO.tenantId,
    async (tx) => {
      if (await tx.tenant.findUnique({ where: { id: DEMO.tenantId } })) return 'exists';
      await tx.tenant.create({ data: { id: DEMO.tenantId } });
      const owner = await tx.user.create({
        data: {
          tenantId: DEMO.tenantId,
          email: DEMO.email,
          name: DEMO.name,
          role: 'OWNER',
          emailVerified: true,
        },
      });
      await createCredential(tx, owner.id, passwordHash);
      await tx.organization.create({
        data: {
          tenantId: DEMO.tenantId,
          name: DEMO.organization,
          plan: 'team',
          seats: 10,
          billingEmail: DEMO.email,
          ownerId: owner.id,
        },
      });
      let n = 0;
      for (const site of SITES) {
        const { id: siteId } = await tx.site.create({
          data: { tenantId: DEMO.tenantId, name: site.name, address: site.address },
        });
        for (const [floors, buildingName] of site.buildings.entries()) {
          const { id: buildingId } = await tx.building.create({
            data: { tenantId: DEMO.tenantId, siteId, name: buildingName, floors: 3 + floors * 2 },
          });
          await tx.asset.createMany({
            data: KINDS.map((kind) => {
              n += 1;
              return {
                tenantId: DEMO.tenantId,
                buildingId,
                tag: `AC-${String(n).padStart(4, '0')}`,
                name: `${kind.name} ${n}`,
                category: kind.category,
                status: STATUSES[n % STATUSES.length] ?? 'OPERATIONAL',
              };
            }),
          });
        }
      }
      await tx.auditEvent.create({
        data: {
          tenantId: DEMO.tenantId,
          actorId: owner.id,
          action: 'organization.seeded',
          targetType: 'organization',
          data: { sites: SITES.length, assets: n },
        },
      });
      return 'created';
    },
    { timeout: 30_000 },
  );
}

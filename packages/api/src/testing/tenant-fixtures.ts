// Two tenants for isolation tests: A with one of everything, B the attacker.
import { TENANT_SCOPED_TABLES } from '@tenantry/db/testing';

import type { Harness, Member, Org } from './harness.ts';

export interface TenantA {
  org: Org;
  admin: Member;
  member: Member;
  siteId: string;
  buildingId: string;
  assetId: string;
  invitationId: string;
  invitationToken: string;
  apiKeyId: string;
  apiKeySecret: string;
  /** An import of A's (its one row unchanged, so A's assets stay as they are). */
  importId: string;
}

export async function seedTenantA(h: Harness): Promise<TenantA> {
  const org = await h.register('a');
  const admin = await h.addMember(org, 'ADMIN', 'a-admin');
  const member = await h.addMember(org, 'MEMBER', 'a-member');
  const owner = org.owner.caller;
  const site = await owner.site.create({ name: 'A site', address: '1 A Street' });
  const building = await owner.building.create({ siteId: site.id, name: 'A building', floors: 3 });
  const asset = await owner.asset.create({
    buildingId: building.id,
    tag: 'A-0001',
    name: 'A chiller',
    category: 'HVAC',
  });
  const invitation = await owner.invitation.create({ email: 'a-invitee@example.test', role: 'MEMBER' });
  const apiKey = await owner.apiKey.create({ name: 'A key', role: 'ADMIN' });
  const importId = '01900000-0000-7000-8000-00000000a1a1';
  await owner.asset.import({
    importId,
    rows: [{ buildingId: building.id, tag: 'A-0001', name: 'A chiller', category: 'HVAC' }],
  });
  return {
    org,
    admin,
    member,
    siteId: site.id,
    buildingId: building.id,
    assetId: asset.id,
    invitationId: invitation.invitation.id,
    invitationToken: invitation.token,
    apiKeyId: apiKey.apiKey.id,
    apiKeySecret: apiKey.secret,
    importId,
  };
}

/** Every id and email of A that must never show up in B's results. */
export function idsOf(a: TenantA): string[] {
  return [
    a.org.tenantId,
    a.org.organizationId,
    a.org.owner.id,
    a.org.owner.email,
    a.admin.id,
    a.admin.email,
    a.member.id,
    a.member.email,
    a.siteId,
    a.buildingId,
    a.assetId,
    a.invitationId,
    a.apiKeyId,
  ];
}

/** A fingerprint of every row tenant A owns, read as the owner (no RLS). */
export async function fingerprint(h: Harness, tenantId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { table, tenantColumn: column } of TENANT_SCOPED_TABLES) {
    const [row] = await h.db.owner.rows<{ f: string }>(
      `select count(*) || ':' || coalesce(md5(string_agg(x::text, '|' order by x.id)), '') as f
         from ${table} x where ${column} = '${tenantId}'`,
    );
    out[table] = row?.f ?? '';
  }
  return out;
}

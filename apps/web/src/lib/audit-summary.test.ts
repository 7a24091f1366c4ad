import { AUDIT_ACTIONS } from '@tenantry/api/schemas';
import type { AuditAction } from '@tenantry/api/schemas';
import { describe, expect, it } from 'vitest';

import { auditDetails, auditSummary, hasSentence } from './audit-summary.ts';
import type { AuditEventView } from './audit-summary.ts';

const ada = { id: '019a0000-0000-7000-8000-0000000000a1', name: 'Ada Lovelace', email: 'ada@x.com' };
const TARGET = '019a0000-0000-7000-8000-0000000000b2';

function event(action: AuditAction, data: Record<string, unknown>, more: Partial<AuditEventView> = {}) {
  return {
    id: '019a0000-0000-7000-8000-0000000000c3',
    action,
    targetType: AUDIT_ACTIONS[action],
    targetId: TARGET,
    at: new Date('2026-12-03T16:00:00Z'),
    data,
    actor: ada,
    assetImport: null,
    ...more,
  } as AuditEventView;
}

/** One event per action, with the facts its service writes (packages/api). */
const EXAMPLES: Record<AuditAction, [Record<string, unknown>, string]> = {
  'organization.register': [{ name: 'Acme' }, 'Ada Lovelace created the organization Acme'],
  'organization.update': [{ label: 'Acme', plan: 'team' }, "Ada Lovelace changed Acme's plan to team"],
  'member.updateRole': [
    { label: 'Bob', from: 'MEMBER', to: 'ADMIN' },
    "Ada Lovelace changed Bob's role from Member to Admin",
  ],
  'member.deactivate': [{ label: 'Bob' }, 'Ada Lovelace deactivated Bob'],
  'member.reactivate': [{ label: 'Bob' }, 'Ada Lovelace reactivated Bob'],
  'member.transferOwnership': [{ label: 'Bob', from: ada.id }, 'Ada Lovelace transferred ownership to Bob'],
  'invitation.create': [{ email: 'bob@x.com', role: 'ADMIN' }, 'Ada Lovelace invited bob@x.com as Admin'],
  'invitation.revoke': [{ label: 'bob@x.com' }, 'Ada Lovelace revoked the invitation for bob@x.com'],
  'invitation.accept': [{ role: 'MEMBER' }, 'Ada Lovelace accepted an invitation and joined as Member'],
  'site.create': [{ name: 'North Campus' }, 'Ada Lovelace created site North Campus'],
  'site.update': [
    { label: 'North Campus', address: '1 Polar Way' },
    "Ada Lovelace changed North Campus's address to 1 Polar Way",
  ],
  'site.delete': [{ name: 'North Campus' }, 'Ada Lovelace deleted site North Campus'],
  'building.create': [{ name: 'Igloo', siteId: TARGET }, 'Ada Lovelace created building Igloo'],
  'building.update': [
    { label: 'Igloo', name: 'Igloo', floors: 2 },
    "Ada Lovelace changed Igloo's name and floors",
  ],
  'building.delete': [{ name: 'Igloo' }, 'Ada Lovelace deleted building Igloo'],
  'asset.create': [{ label: 'Boiler', tag: 'BLR-1' }, 'Ada Lovelace created asset Boiler'],
  'asset.update': [
    { label: 'Boiler', status: 'OUT_OF_SERVICE' },
    "Ada Lovelace changed Boiler's status to Out of service",
  ],
  'asset.import': [{}, 'Ada Lovelace imported 2,000 assets (1,950 created, 50 updated)'],
  'asset.delete': [{ label: 'Boiler', tag: 'BLR-1' }, 'Ada Lovelace deleted asset Boiler'],
  'apiKey.create': [{ name: 'CI', role: 'MEMBER' }, 'Ada Lovelace created API key CI with the Member role'],
  'apiKey.revoke': [{ label: 'CI' }, 'Ada Lovelace revoked API key CI'],
};

const IMPORT = { created: 1950, updated: 50, unchanged: 0, batches: 20, lastBatchAt: new Date() };

describe('auditSummary', () => {
  it.each(Object.keys(AUDIT_ACTIONS) as AuditAction[])('has a sentence for %s', (action) => {
    expect(hasSentence(action)).toBe(true);
    const [data, sentence] = EXAMPLES[action];
    const more = action === 'asset.import' ? { assetImport: IMPORT } : {};
    expect(auditSummary(event(action, data, more))).toBe(sentence);
  });

  it('says an API key made the change, and who the key acted for', () => {
    const e = event('site.delete', { name: 'North Campus', apiKeyId: TARGET });
    expect(auditSummary(e)).toBe('Ada Lovelace deleted site North Campus with an API key');
  });

  it('reads older events, named by id only, without showing the id', () => {
    const summary = auditSummary(event('asset.update', { status: 'RETIRED' }));
    expect(summary).toBe("Ada Lovelace changed an asset's status to Retired");
    expect(auditSummary(event('asset.import', { created: 3, updated: 0, unchanged: 1 }))).toBe(
      'Ada Lovelace imported 4 assets (3 created, 1 unchanged)',
    );
    expect(auditSummary(event('building.update', { buildingId: TARGET }))).not.toContain(TARGET);
    expect(auditSummary(event('apiKey.revoke', {}))).toBe('Ada Lovelace revoked an API key');
  });

  it('lists the facts as readable label/value pairs', () => {
    const details = auditDetails(
      event('asset.update', { label: 'Boiler', status: 'OUT_OF_SERVICE', serialNumber: 'SN-1' }),
    );
    expect(details).toEqual(
      expect.arrayContaining([
        { label: 'Status', value: 'Out of service' },
        { label: 'Serial number', value: 'SN-1' },
        { label: 'By', value: 'Ada Lovelace (ada@x.com)' },
        { label: 'Asset id', value: TARGET },
      ]),
    );
    const imported = auditDetails(event('asset.import', {}, { assetImport: IMPORT }));
    expect(imported).toEqual(
      expect.arrayContaining([
        { label: 'Created', value: '1,950' },
        { label: 'Batches', value: '20' },
      ]),
    );
  });
});

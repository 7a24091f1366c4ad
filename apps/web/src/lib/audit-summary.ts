// An audit event in words: "Ada changed Boiler's status to Out of service".
// The API keeps structured facts (the target's name at write time in
// data.label, the changed fields, an import's server-counted totals, the
// actor's current name); wording them is the dashboard's job. Every action
// needs a sentence: SENTENCES is typed over AuditAction, so a new action
// without one does not compile, and audit-summary.test.ts walks them all.
import type { AuditAction } from '@tenantry/api/schemas';

import type { RouterOutputs } from '../trpc.ts';
import { formatDate, formatDateTime, humanize } from './format.ts';

export type AuditEventView = RouterOutputs['audit']['list']['items'][number];

/** Facts the sentences read; the details list shows every other key. */
const HIDDEN_KEYS = new Set(['label', 'apiKeyId']);
/** Older events named their target under these keys, before data.label. */
const LABEL_KEYS = ['label', 'name', 'email', 'tag'] as const;

const FIELD_NAMES: Record<string, string> = {
  buildingId: 'building',
  siteId: 'site',
  serialNumber: 'serial number',
  installedAt: 'install date',
  billingEmail: 'billing email',
  from: 'previous',
  to: 'new',
};

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;
const CONSTANT = /^[A-Z][A-Z_]+$/;

function facts(event: AuditEventView): Record<string, unknown> {
  const data: unknown = event.data;
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {};
}

function labelOf(event: AuditEventView): string | null {
  const data = facts(event);
  for (const key of LABEL_KEYS) {
    const value = data[key];
    if (typeof value === 'string' && value) return value;
  }
  return null;
}

export function fieldName(key: string): string {
  return FIELD_NAMES[key] ?? key.replace(/([A-Z])/g, ' $1').toLowerCase();
}

/** A value as a person reads it: "Out of service", "Mar 4, 2024", "2,000". */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    if (ID.test(value)) return value;
    if (ISO_DATE.test(value)) return formatDate(value);
    if (CONSTANT.test(value)) return humanize(value);
    return value;
  }
  return JSON.stringify(value);
}

/** The fields an update changed (everything but the label and how it was made). */
function changesOf(event: AuditEventView): [string, unknown][] {
  return Object.entries(facts(event)).filter(([key]) => !HIDDEN_KEYS.has(key));
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function possessive(name: string): string {
  return `${name}'s`;
}

/** "changed Boiler's status to Out of service", or several fields by name. */
function changed(subject: string, event: AuditEventView): string {
  const changes = changesOf(event);
  const [only] = changes;
  if (!only) return `updated ${subject}`;
  if (changes.length === 1) {
    const [key, value] = only;
    const field = fieldName(key);
    if (typeof value === 'string' && ID.test(value)) return `moved ${subject} to another ${field}`;
    return `changed ${possessive(subject)} ${field} to ${formatValue(value)}`;
  }
  return `changed ${possessive(subject)} ${list(changes.map(([key]) => fieldName(key)))}`;
}

const some = (kind: string) => `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}`;

/** "site North Campus", or "a site" for an event that never named it. */
function named(kind: string, event: AuditEventView): string {
  const label = labelOf(event);
  return label ? `${kind} ${label}` : some(kind);
}

/** "North Campus", or "a site". */
function labelled(kind: string, event: AuditEventView): string {
  return labelOf(event) ?? some(kind);
}

function role(event: AuditEventView, key: string): string {
  const value = facts(event)[key];
  return typeof value === 'string' ? humanize(value) : 'a new role';
}

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** An import's totals: the server's (asset_imports), or those older events kept in data. */
export function importCounts(event: AuditEventView): { created: number; updated: number; unchanged: number } {
  if (event.assetImport) return event.assetImport;
  const data = facts(event);
  const n = (key: string) => (typeof data[key] === 'number' ? data[key] : 0);
  return { created: n('created'), updated: n('updated'), unchanged: n('unchanged') };
}

function imported(event: AuditEventView): string {
  const { created, updated, unchanged } = importCounts(event);
  const parts = [
    created ? `${created.toLocaleString('en-US')} created` : '',
    updated ? `${updated.toLocaleString('en-US')} updated` : '',
    unchanged ? `${unchanged.toLocaleString('en-US')} unchanged` : '',
  ].filter(Boolean);
  return `imported ${count(created + updated + unchanged, 'asset')}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** What the actor did, after their name. */
const SENTENCES: Record<AuditAction, (event: AuditEventView) => string> = {
  'organization.register': (e) => `created the organization ${labelOf(e) ?? ''}`.trimEnd(),
  'organization.update': (e) => changed(labelOf(e) ?? 'the organization', e),
  'member.updateRole': (e) =>
    `changed ${possessive(labelled('member', e))} role from ${role(e, 'from')} to ${role(e, 'to')}`,
  'member.deactivate': (e) => `deactivated ${labelled('member', e)}`,
  'member.reactivate': (e) => `reactivated ${labelled('member', e)}`,
  'member.transferOwnership': (e) => `transferred ownership to ${labelled('member', e)}`,
  'invitation.create': (e) => `invited ${labelOf(e) ?? 'someone'} as ${role(e, 'role')}`,
  'invitation.revoke': (e) =>
    labelOf(e) ? `revoked the invitation for ${labelOf(e)}` : 'revoked an invitation',
  'invitation.accept': (e) => `accepted an invitation and joined as ${role(e, 'role')}`,
  'site.create': (e) => `created ${named('site', e)}`,
  'site.update': (e) => changed(labelled('site', e), e),
  'site.delete': (e) => `deleted ${named('site', e)}`,
  'building.create': (e) => `created ${named('building', e)}`,
  'building.update': (e) => changed(labelled('building', e), e),
  'building.delete': (e) => `deleted ${named('building', e)}`,
  'asset.create': (e) => `created ${named('asset', e)}`,
  'asset.update': (e) => changed(labelled('asset', e), e),
  'asset.import': imported,
  'asset.delete': (e) => `deleted ${named('asset', e)}`,
  'apiKey.create': (e) => `created ${named('API key', e)} with the ${role(e, 'role')} role`,
  'apiKey.revoke': (e) => `revoked ${named('API key', e)}`,
};

export function hasSentence(action: string): action is AuditAction {
  return Object.hasOwn(SENTENCES, action);
}

/** "Ada Lovelace changed Boiler's status to Out of service". */
export function auditSummary(event: AuditEventView): string {
  const who = event.actor?.name ?? 'Someone';
  const what = hasSentence(event.action) ? SENTENCES[event.action](event) : `did ${event.action}`;
  const via = typeof facts(event).apiKeyId === 'string' ? ' with an API key' : '';
  return `${who} ${what}${via}`;
}

/** The event's facts as label/value pairs, for its details. */
export function auditDetails(event: AuditEventView): { label: string; value: string }[] {
  const rows = changesOf(event)
    .filter(([key]) => !(event.action === 'asset.import' && key in importCounts(event)))
    .map(([key, value]) => ({ label: humanize(fieldName(key)), value: formatValue(value) }));
  if (event.action === 'asset.import') {
    const counts = importCounts(event);
    rows.push(
      { label: 'Created', value: formatValue(counts.created) },
      { label: 'Updated', value: formatValue(counts.updated) },
      { label: 'Unchanged', value: formatValue(counts.unchanged) },
    );
    if (event.assetImport) {
      rows.push(
        { label: 'Batches', value: formatValue(event.assetImport.batches) },
        { label: 'Last batch', value: formatDateTime(event.assetImport.lastBatchAt) },
      );
    }
  }
  if (event.actor) rows.push({ label: 'By', value: `${event.actor.name} (${event.actor.email})` });
  if (typeof facts(event).apiKeyId === 'string') rows.push({ label: 'Through', value: 'an API key' });
  if (event.targetId) {
    rows.push({ label: `${humanize(fieldName(event.targetType))} id`, value: event.targetId });
  }
  return rows;
}

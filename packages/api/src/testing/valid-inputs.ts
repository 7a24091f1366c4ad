// One schema-valid input per procedure, with every string field filled, for
// tests that spoil one field at a time (text-input.test.ts, fuzz.test.ts). Ids
// are random, so a call that gets through validation finds nothing to change.
// A procedure without an entry fails those tests.
import type { z } from 'zod';

import { appRouter } from '../root.ts';

const ID = '019a0000-0000-7000-8000-00000000f022';
const PAGE = { cursor: ID, direction: 'forward', limit: 10 };
/** What asset.list and asset.count both filter by. */
const ASSET_FILTERS = {
  search: 'fuzz',
  siteId: ID,
  buildingId: ID,
  status: 'OPERATIONAL',
  category: 'Plumbing',
  tag: 'FZ-1',
};
const ASSET = {
  buildingId: ID,
  tag: 'FZ-1',
  name: 'Fuzz pump',
  category: 'Plumbing',
  status: 'OPERATIONAL',
  serialNumber: 'SN-1',
  installedAt: '2024-01-31',
};

export const VALID_INPUTS: Record<string, unknown> = {
  'organization.register': {
    organizationName: 'Fuzz Co',
    name: 'Fuzz',
    email: 'fuzz@example.test',
    password: 'correct horse battery',
  },
  'organization.current': undefined,
  'organization.update': { name: 'Fuzz Co', plan: 'team', seats: 50, billingEmail: 'billing@example.test' },
  'organization.members': { ...PAGE, search: 'fuzz', status: 'all' },
  'member.updateRole': { userId: ID, role: 'ADMIN' },
  'member.deactivate': { userId: ID },
  'member.reactivate': { userId: ID },
  'member.transferOwnership': { userId: ID },
  'invitation.create': { email: 'invitee@example.test', role: 'MEMBER' },
  'invitation.list': { ...PAGE, search: 'fuzz', status: 'all' },
  'invitation.revoke': { id: ID },
  'invitation.preview': { token: 'inv_0000_fuzz' },
  'invitation.accept': {
    token: 'inv_0000_fuzz',
    email: 'invitee@example.test',
    name: 'Fuzz',
    password: 'correct horse battery',
  },
  'site.list': { ...PAGE, search: 'fuzz' },
  'site.byId': { id: ID },
  'site.create': { name: 'Fuzz site', address: '1 Fuzz Street\nFuzzville' },
  'site.update': { id: ID, name: 'Fuzz site', address: '1 Fuzz Street' },
  'site.delete': { id: ID },
  'building.list': { ...PAGE, search: 'fuzz', siteId: ID },
  'building.byId': { id: ID },
  'building.create': { siteId: ID, name: 'Fuzz building', floors: 3 },
  'building.update': { id: ID, name: 'Fuzz building', floors: null },
  'building.delete': { id: ID },
  'asset.list': { ...PAGE, ...ASSET_FILTERS, sort: 'created', order: 'desc' },
  'asset.count': ASSET_FILTERS,
  'asset.byId': { id: ID },
  'asset.stats': undefined,
  'asset.create': ASSET,
  'asset.update': { ...ASSET, id: ID },
  'asset.import': { rows: [ASSET], importId: ID },
  'asset.delete': { id: ID },
  'audit.list': { ...PAGE, action: 'site.create', targetType: 'site', actorId: ID },
  'apiKey.create': { name: 'Fuzz key', role: 'MEMBER', expiresAt: '2099-01-01T00:00:00Z' },
  'apiKey.list': { ...PAGE },
  'apiKey.revoke': { id: ID },
};

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>;

/** The input schema of a procedure, or undefined when it takes none. */
export const inputSchemaOf = (path: string): z.ZodType | undefined => procedures[path]?._def.inputs[0];

export type Path = (string | number)[];

/** A string leaf of an input: where it is, and its format (uuid, datetime …) if it has one rather than free text. */
export interface StringField {
  path: Path;
  format?: string;
}

/** Every string leaf in `schema` (through optional, nullable, default, pipe, arrays). */
export function stringFields(schema: z.ZodType, at: Path = []): StringField[] {
  const def = schema._zod.def as { type: string; format?: string } & Record<string, unknown>;
  switch (def.type) {
    case 'string':
      return [{ path: at, ...(def.format && { format: def.format }) }];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return stringFields(def.innerType as z.ZodType, at);
    case 'pipe':
      return stringFields(def.in as z.ZodType, at);
    case 'array':
      return stringFields(def.element as z.ZodType, [...at, 0]);
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, inner]) =>
        stringFields(inner, [...at, key]),
      );
    default:
      return [];
  }
}

/** A copy of `input` with `value` at `path`. */
export function withValue(input: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(input)) {
    const copy: unknown[] = [...(input as unknown[])];
    copy[key as number] = withValue(copy[key as number], rest, value);
    return copy;
  }
  const copy = { ...(input as Record<string, unknown>) };
  copy[key] = withValue(copy[key], rest, value);
  return copy;
}

/** The value at `path` in `input`. */
export const valueAt = (input: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], input);

// Rows shaped exactly like the API's outputs (the types come from AppRouter),
// with readable names and valid UUIDs, since the forms' schemas check ids.
import type { RouterOutputs as Outputs } from '../trpc.ts';

export type Asset = Outputs['asset']['list']['items'][number];
export type Site = Outputs['site']['list']['items'][number];
export type Building = Outputs['building']['list']['items'][number];
export type Member = Outputs['organization']['members']['items'][number];
export type Current = Outputs['organization']['current'];
export type Role = Member['role'];

const CREATED = new Date('2026-03-01T09:00:00Z');

/** A valid v4 UUID whose last digits are `n`, so ids sort and read in tests. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function page<T extends { id: string }>(items: T[], nextCursor: string | null = null) {
  return { items, nextCursor };
}

export const SITE = { id: uuid(900), name: 'Riverside Campus' };

export function site(overrides: Partial<Site> = {}): Site {
  return {
    ...SITE,
    address: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    _count: { buildings: 1 },
    ...overrides,
  };
}

export function building(n: number): Building {
  return {
    id: uuid(800 + n),
    siteId: SITE.id,
    name: `Tower ${n}`,
    floors: 10 + n,
    createdAt: CREATED,
    updatedAt: CREATED,
    site: SITE,
    _count: { assets: n },
  };
}

export function asset(n: number, overrides: Partial<Asset> = {}): Asset {
  const tag = `PUMP-${String(n).padStart(3, '0')}`;
  const home = building(1);
  return {
    id: uuid(n),
    buildingId: home.id,
    tag,
    name: `Pump ${String(n).padStart(3, '0')}`,
    category: 'Pump',
    status: 'OPERATIONAL',
    serialNumber: null,
    installedAt: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    building: { id: home.id, name: home.name, site: SITE },
    ...overrides,
  };
}

/** Assets numbered from `from` to `to` inclusive. */
export function assets(from: number, to: number): Asset[] {
  return Array.from({ length: to - from + 1 }, (_, i) => asset(from + i));
}

export const PEOPLE: Record<Role, Member> = {
  OWNER: person(1, 'Olivia Owner', 'OWNER'),
  ADMIN: person(2, 'Adam Admin', 'ADMIN'),
  MEMBER: person(3, 'Mia Member', 'MEMBER'),
};

function person(n: number, name: string, role: Role): Member {
  const email = `${name.split(' ')[0]?.toLowerCase() ?? 'someone'}@acme.test`;
  return {
    id: uuid(700 + n),
    name,
    email,
    role,
    isActive: true,
    joinedAt: CREATED,
    deactivatedAt: null,
  };
}

/** `organization.current` for someone signed in with `role`. */
export function current(role: Role): Current {
  const me = PEOPLE[role];
  return {
    organization: {
      id: uuid(600),
      name: 'Acme Facilities',
      plan: 'team',
      seats: 25,
      billingEmail: 'billing@acme.test',
      ownerId: PEOPLE.OWNER.id,
      createdAt: CREATED,
    },
    seatsUsed: 3,
    seatsPending: 1,
    me: { ...me, viaApiKey: false },
  };
}

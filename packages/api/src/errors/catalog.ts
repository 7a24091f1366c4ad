// The typed error catalog. Domain code throws AppError(code); each code
// carries its tRPC code, a default message and, when the error belongs to one
// input field, that field. The client receives the code and the field in
// `data.appCode` and `data.field` (see trpc.ts), so a form can put "tag taken"
// on the Tag field and a client can tell "seats exhausted" from "tag taken".
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

interface Spec {
  trpc: TRPC_ERROR_CODE_KEY;
  message: string;
  field?: string;
}

export const APP_ERRORS = {
  // Who is calling
  SESSION_INVALID: {
    trpc: 'UNAUTHORIZED',
    message: 'Your sign-in is no longer valid. Please sign in again.',
  },
  ACCOUNT_DEACTIVATED: { trpc: 'UNAUTHORIZED', message: 'This account has been deactivated.' },
  SESSION_ROLE_CHANGED: {
    trpc: 'UNAUTHORIZED',
    message: 'Your role changed, so you were signed out. Sign in again to continue with your new access.',
  },
  ORGANIZATION_SUSPENDED: { trpc: 'FORBIDDEN', message: 'This organization is suspended.' },
  // Roles and members
  ROLE_ABOVE_OWN: { trpc: 'FORBIDDEN', message: 'You cannot give a role above your own.', field: 'role' },
  MEMBER_ABOVE_OWN: { trpc: 'FORBIDDEN', message: 'You cannot manage someone above your role.' },
  OWNER_ROLE_FIXED: {
    trpc: 'FORBIDDEN',
    message: "The owner's role changes only by transferring ownership.",
  },
  OWNER_NOT_DEACTIVATABLE: {
    trpc: 'FORBIDDEN',
    message: 'The owner cannot be deactivated. Transfer ownership first.',
  },
  SELF_DEACTIVATION: { trpc: 'FORBIDDEN', message: 'You cannot deactivate yourself.' },
  ALREADY_OWNER: { trpc: 'BAD_REQUEST', message: 'You already own this organization.' },
  OWNERSHIP_TO_INACTIVE: { trpc: 'CONFLICT', message: 'Ownership can go only to an active member.' },
  OWNERSHIP_BY_API_KEY: { trpc: 'FORBIDDEN', message: 'Ownership cannot be transferred with an API key.' },
  OWNERSHIP_CHANGED: {
    trpc: 'CONFLICT',
    message: 'Ownership changed while this request waited. Reload and try again.',
  },
  // Seats
  SEATS_EXHAUSTED: {
    trpc: 'CONFLICT',
    message: 'All seats are taken. Add seats or deactivate a member first.',
  },
  SEATS_BELOW_ACTIVE: {
    trpc: 'CONFLICT',
    message: 'Seats cannot go below the active members.',
    field: 'seats',
  },
  SEATS_HELD_BY_INVITATIONS: {
    trpc: 'CONFLICT',
    message: 'Pending invitations hold these seats. Revoke invitations first.',
    field: 'seats',
  },
  // Invitations and accounts
  ALREADY_MEMBER: { trpc: 'CONFLICT', message: 'This person is already a member.', field: 'email' },
  EMAIL_TAKEN: { trpc: 'CONFLICT', message: 'An account with this email already exists.', field: 'email' },
  EMAIL_IN_OTHER_ORGANIZATION: {
    trpc: 'CONFLICT',
    message: 'This person already has an account in another organization, and an account belongs to one.',
    field: 'email',
  },
  INVITATION_INVALID: { trpc: 'NOT_FOUND', message: 'This invitation link is not valid. Ask for a new one.' },
  INVITATION_USED: { trpc: 'CONFLICT', message: 'This invitation has already been used. Sign in instead.' },
  INVITATION_REVOKED: { trpc: 'CONFLICT', message: 'This invitation was withdrawn. Ask for a new one.' },
  INVITATION_EXPIRED: { trpc: 'CONFLICT', message: 'This invitation has expired. Ask for a new one.' },
  INVITATION_OTHER_EMAIL: {
    trpc: 'FORBIDDEN',
    message: 'This invitation was sent to a different email address.',
    field: 'email',
  },
  INVITATION_CLOSED: { trpc: 'CONFLICT', message: 'This invitation was already accepted or revoked.' },
  // Sites, buildings, assets
  SITE_NAME_TAKEN: { trpc: 'CONFLICT', message: 'A site with this name already exists.', field: 'name' },
  SITE_HAS_BUILDINGS: { trpc: 'CONFLICT', message: "Delete this site's buildings first." },
  BUILDING_NAME_TAKEN: {
    trpc: 'CONFLICT',
    message: 'This site already has a building with this name.',
    field: 'name',
  },
  BUILDING_HAS_ASSETS: { trpc: 'CONFLICT', message: "Delete or move this building's assets first." },
  ASSET_TAG_TAKEN: { trpc: 'CONFLICT', message: 'This asset tag is already in use.', field: 'tag' },
  IMPORT_TAG_REPEATED: { trpc: 'BAD_REQUEST', message: 'A tag appears more than once.', field: 'rows' },
  IMPORT_CLOSED: {
    trpc: 'CONFLICT',
    message: 'This import has ended or belongs to someone else. Start a new import.',
    field: 'importId',
  },
  // API keys
  API_KEY_REVOKED: { trpc: 'CONFLICT', message: 'This key is already revoked.' },
  EXPIRY_IN_PAST: { trpc: 'BAD_REQUEST', message: 'The expiry must be in the future.', field: 'expiresAt' },
  // Any record
  NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Not found.' },
  ALREADY_EXISTS: { trpc: 'CONFLICT', message: 'Something with these values already exists.' },
  STILL_IN_USE: { trpc: 'CONFLICT', message: 'It is still in use by other records.' },
  CONCURRENT_CHANGE: { trpc: 'CONFLICT', message: 'A concurrent change got in the way; please retry.' },
  DATABASE_UNAVAILABLE: {
    trpc: 'SERVICE_UNAVAILABLE',
    message: 'The service is briefly unavailable. Nothing was changed; try again in a few seconds.',
  },
} as const satisfies Record<string, Spec>;

export type AppErrorCode = keyof typeof APP_ERRORS;

export class AppError extends Error {
  override name = 'AppError';
  readonly trpcCode: TRPC_ERROR_CODE_KEY;
  readonly field: string | undefined;

  /** `message` replaces the catalog's when it can say more (which tag, how many seats). */
  constructor(
    readonly code: AppErrorCode,
    message?: string,
  ) {
    const spec: Spec = APP_ERRORS[code];
    super(message ?? spec.message);
    this.trpcCode = spec.trpc;
    this.field = spec.field;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

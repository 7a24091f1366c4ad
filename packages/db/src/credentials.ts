// better-auth's email-and-password credential for a user: an `accounts` row
// with provider "credential". The app role may insert one (registration,
// accepted invitations) but never read it back.
import { v7 as uuidv7 } from 'uuid';

import type { TenantDb } from './tenant.ts';

export async function createCredential(tx: TenantDb, userId: string, passwordHash: string): Promise<void> {
  await tx.$executeRaw`insert into accounts (id, user_id, account_id, provider_id, password, updated_at)
    values (${uuidv7()}::uuid, ${userId}::uuid, ${userId}, 'credential', ${passwordHash}, now())`;
}

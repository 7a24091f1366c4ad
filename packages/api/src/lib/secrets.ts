// Secrets handed to people once (invitation tokens, API keys). Each carries
// its tenant's id, so a lookup happens under that tenant with RLS in force;
// only a SHA-256 hash is stored (the secret has 256 random bits, so a slow
// hash adds nothing).
import { createHash, randomBytes } from 'node:crypto';

export type SecretKind = 'inv' | 'tk';

// kind _ the tenant's id as 32 hex digits _ 32 random bytes in base64url (which may itself contain _).
const FORMAT = /^(inv|tk)_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newSecret(kind: SecretKind, tenantId: string): { secret: string; hash: string } {
  const secret = `${kind}_${tenantId.replace(/-/g, '')}_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret) };
}

/** The tenant a secret claims, and its hash; null when it is not one of ours. */
export function parseSecret(kind: SecretKind, secret: string): { tenantId: string; hash: string } | null {
  const [, prefix, hex] = FORMAT.exec(secret) ?? [];
  if (prefix !== kind || !hex) return null;
  const tenantId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { tenantId, hash: hashSecret(secret) };
}

// Password hashing shared by the seed and the auth layer: argon2id with OWASP's
// minimum (m = 19 MiB, t = 2, p = 1), encoded as a PHC string.
import { hash, verify } from '@node-rs/argon2';

// `algorithm: 2` is Algorithm.Argon2id, a const enum that isolated modules cannot import.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export function verifyPassword(hashed: string, password: string): Promise<boolean> {
  return verify(hashed, password);
}

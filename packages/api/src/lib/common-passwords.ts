// The most common passwords, from @zxcvbn-ts/language-common (MIT): about 49,000
// passwords ranked by how often they appear in leaked password dumps, about
// 18,000 of them 8 characters or longer. Bundled, so no lookup leaves the
// process. It is loaded on first use only (lib/password.ts imports this module
// dynamically): in the dashboard it is a chunk of its own that only the sign-up
// and invitation forms fetch.
import { dictionary } from '@zxcvbn-ts/language-common';

// Compared without case: "Password1" is as guessable as "password1".
const COMMON = new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}

// Sign-in and sign-out go straight to better-auth; the session is an HttpOnly
// cookie, so the only thing the browser keeps is a flag saying "was signed in",
// which lets us tell an expired session from a first visit.
import { NETWORK_MESSAGE } from './errors.ts';

const FLAG = 'tenantry.signedIn';

export function markSignedIn() {
  localStorage.setItem(FLAG, '1');
}

export function wasSignedIn(): boolean {
  return localStorage.getItem(FLAG) === '1';
}

function clearFlag() {
  localStorage.removeItem(FLAG);
}

async function post(path: string, body: unknown): Promise<Response> {
  try {
    return await fetch(path, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    // fetch says only "Failed to fetch".
    throw new Error(NETWORK_MESSAGE);
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  const response = await post('/api/auth/sign-in/email', { email, password });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string; error?: string } | null;
    throw new Error(body?.message ?? body?.error ?? 'Sign-in failed. Try again.');
  }
  markSignedIn();
}

export async function signOut(): Promise<void> {
  clearFlag();
  await post('/api/auth/sign-out', {});
}

/** Why sign-in is shown again, from the API's code for the refused call; the sign-in page words it. */
export type SignInReason = 'expired' | 'role-changed' | 'deactivated';

const REASONS = new Map<string, SignInReason>([
  ['SESSION_ROLE_CHANGED', 'role-changed'],
  ['ACCOUNT_DEACTIVATED', 'deactivated'],
]);

let redirecting = false;

/** Send the browser to sign-in. A full load also drops every cached query of the old session. */
export function redirectToSignIn(appCode?: string) {
  // Several queries fail at once when a session ends; only the first decides.
  if (redirecting || window.location.pathname === '/sign-in') return;
  redirecting = true;
  const reason = REASONS.get(appCode ?? '') ?? (wasSignedIn() ? 'expired' : null);
  clearFlag();
  const next = window.location.pathname + window.location.search;
  const params = new URLSearchParams({ next });
  if (reason) params.set('reason', reason);
  window.location.assign(`/sign-in?${params.toString()}`);
}

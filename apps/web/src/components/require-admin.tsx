import type { ReactNode } from 'react';

import { useIsAdmin } from '../lib/me.ts';

/** Admin-only pages say so instead of firing requests the server will refuse. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  if (!useIsAdmin()) {
    return (
      <p className="py-16 text-center text-sm text-fg-subtle">Only admins and owners can see this page.</p>
    );
  }
  return children;
}

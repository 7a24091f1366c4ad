// The navigation: a sticky column from 768 px up; below that, a panel under the top bar that
// the menu button opens (components/layout.tsx) and that closes once a link is followed.
import { useQueryClient } from '@tanstack/react-query';
import { NavLink } from 'react-router';

import { atLeast } from '../lib/me.ts';
import { signOut } from '../lib/session.ts';
import type { RouterOutputs } from '../trpc.ts';
import { Button } from './button.tsx';
import { Skeleton } from './skeleton.tsx';
import { ThemePicker } from './theme-picker.tsx';

const NAV = [
  { to: '/', label: 'Overview', admin: false },
  { to: '/sites', label: 'Sites', admin: false },
  { to: '/buildings', label: 'Buildings', admin: false },
  { to: '/assets', label: 'Assets', admin: false },
  { to: '/members', label: 'Members', admin: false },
  { to: '/settings', label: 'Organization', admin: false },
  { to: '/audit', label: 'Audit log', admin: true },
  { to: '/api-keys', label: 'API keys', admin: true },
];

type Current = RouterOutputs['organization']['current'];

/** The product name and the organization's, at the top of the sidebar or of the mobile bar. */
export function Brand({ current }: { current: Current | undefined }) {
  return (
    <div className="min-w-0">
      <div className="text-lg font-bold text-accent">Tenantry</div>
      <div className="truncate text-sm text-fg-subtle">
        {current ? current.organization.name : <Skeleton className="mt-1 h-4 w-24" />}
      </div>
    </div>
  );
}

interface Props {
  id: string;
  /** Below 768 px: whether the menu button has opened it. Always shown above. */
  open: boolean;
  onNavigate: () => void;
  current: Current | undefined;
}

export function Sidebar({ id, open, onNavigate, current }: Props) {
  const queryClient = useQueryClient();
  const me = current?.me;
  return (
    <aside
      id={id}
      className={`${open ? 'flex' : 'hidden'} flex-col bg-surface max-md:fixed max-md:inset-x-0 max-md:top-14 max-md:bottom-0 max-md:z-20 max-md:overflow-y-auto max-md:shadow-lg md:sticky md:top-0 md:flex md:h-screen md:w-56 md:shrink-0 md:overflow-y-auto md:border-r md:border-line md:[[data-network-banner]_&]:pb-14`}
    >
      <div className="px-5 py-5 max-md:hidden">
        <Brand current={current} />
      </div>
      <nav aria-label="Main" className="flex-1 space-y-0.5 px-3 max-md:py-3">
        {NAV.filter((item) => !item.admin || atLeast(me?.role, 'ADMIN')).map((item) => (
          <NavLink
            key={item.to}
            to={item.to}
            end={item.to === '/'}
            onClick={onNavigate}
            className={({ isActive }) =>
              `block rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-accent-soft text-accent' : 'text-fg-muted hover:bg-surface-strong'}`
            }
          >
            {item.label}
          </NavLink>
        ))}
      </nav>
      <div className="space-y-3 border-t border-line p-4 text-sm">
        {me ? (
          <div>
            <div className="truncate font-medium text-fg">{me.name}</div>
            <div className="truncate text-xs text-fg-subtle">
              {me.email} · {me.role.toLowerCase()}
            </div>
          </div>
        ) : (
          <Skeleton className="h-8 w-full" />
        )}
        <ThemePicker />
        <Button
          variant="secondary"
          small
          className="w-full"
          onClick={() => {
            void signOut().finally(() => {
              queryClient.clear();
              window.location.assign('/sign-in');
            });
          }}
        >
          Sign out
        </Button>
      </div>
    </aside>
  );
}

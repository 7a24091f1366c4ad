// The signed-in shell: navigation, who is signed in, sign-out. It re-reads the
// session on every navigation, so a deactivated member's next click lands on
// sign-in instead of on cached pages.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';

import { errorCode, errorMessage } from '../lib/errors.ts';
import { atLeast, useCurrent } from '../lib/me.ts';
import { signOut } from '../lib/session.ts';
import { useTRPC } from '../trpc.ts';
import { Button } from './button.tsx';
import { PageBoundary } from './page-boundary.tsx';
import { Skeleton, SkeletonRows } from './skeleton.tsx';

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

export function Layout() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const location = useLocation();
  const current = useCurrent();

  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.organization.current.queryKey() });
  }, [location.pathname, queryClient, trpc]);

  const me = current.data?.me;
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <aside className="flex w-56 shrink-0 flex-col border-r border-slate-200 bg-white">
        <div className="px-5 py-5">
          <div className="text-lg font-bold text-indigo-600">Tenantry</div>
          <div className="truncate text-sm text-slate-500">
            {current.data ? current.data.organization.name : <Skeleton className="mt-1 h-4 w-24" />}
          </div>
        </div>
        <nav aria-label="Main" className="flex-1 space-y-0.5 px-3">
          {NAV.filter((item) => !item.admin || atLeast(me?.role, 'ADMIN')).map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              end={item.to === '/'}
              className={({ isActive }) =>
                `block rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-indigo-50 text-indigo-700' : 'text-slate-700 hover:bg-slate-100'}`
              }
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="border-t border-slate-200 p-4 text-sm">
          {me ? (
            <>
              <div className="truncate font-medium text-slate-900">{me.name}</div>
              <div className="truncate text-xs text-slate-500">
                {me.email} · {me.role.toLowerCase()}
              </div>
            </>
          ) : (
            <Skeleton className="h-8 w-full" />
          )}
          <Button
            variant="secondary"
            small
            className="mt-3 w-full"
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
      <main id="main" className="min-w-0 flex-1 px-6 py-8 lg:px-10">
        {current.data ? (
          <PageBoundary>
            <Outlet />
          </PageBoundary>
        ) : current.isError && errorCode(current.error) !== 'UNAUTHORIZED' ? (
          <div role="alert" className="py-16 text-center text-sm text-slate-600">
            <p>Your organization could not be loaded: {errorMessage(current.error)}</p>
            <Button variant="secondary" small className="mt-4" onClick={() => void current.refetch()}>
              Try again
            </Button>
          </div>
        ) : (
          // Also shown while an ended session is being sent to sign-in, so no
          // page fires requests that can only fail.
          <SkeletonRows rows={8} />
        )}
      </main>
    </div>
  );
}

// The signed-in shell: navigation, who is signed in, sign-out. It re-reads the
// session on every navigation, so a deactivated member's next click lands on
// sign-in instead of on cached pages.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Outlet, useLocation } from 'react-router';

import { errorCode, errorMessage } from '../lib/errors.ts';
import { useCurrent } from '../lib/me.ts';
import { useTRPC } from '../trpc.ts';
import { Button } from './button.tsx';
import { PageBoundary } from './page-boundary.tsx';
import { Brand, Sidebar } from './sidebar.tsx';
import { SkeletonRows } from './skeleton.tsx';

export function Layout() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const location = useLocation();
  const current = useCurrent();
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.organization.current.queryKey() });
  }, [location.pathname, queryClient, trpc]);

  // Escape closes the mobile menu, as it would a dialog.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, [menuOpen]);

  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:z-40 focus:m-2 focus:rounded focus:bg-surface focus:p-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-3 border-b border-line bg-surface px-4 md:hidden">
        <Brand current={current.data} />
        <Button
          variant="secondary"
          small
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => {
            setMenuOpen((open) => !open);
          }}
        >
          <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span> Menu
        </Button>
      </header>
      <Sidebar
        id="sidebar"
        open={menuOpen}
        onNavigate={() => {
          setMenuOpen(false);
        }}
        current={current.data}
      />
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 md:py-8 lg:px-10">
        {current.data ? (
          <PageBoundary>
            <Outlet />
          </PageBoundary>
        ) : current.isError && errorCode(current.error) !== 'UNAUTHORIZED' ? (
          <div role="alert" className="py-16 text-center text-sm text-fg-muted">
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

// Around each page: a skeleton while its chunk downloads, and, if the chunk cannot be
// fetched (offline, or a deploy replaced it) or the page throws, a message with a way out
// instead of a blank screen. A failed React.lazy import stays failed, so Retry reloads.
import { Suspense } from 'react';
import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { useLocation } from 'react-router';

import { Button } from './button.tsx';
import { DocumentTitle } from './document-title.tsx';
import { SkeletonRows } from './skeleton.tsx';

function PageFailed() {
  return (
    <div role="alert" className="mx-auto max-w-md py-16 text-center">
      <DocumentTitle title="Not loaded" />
      <h1 className="text-xl font-semibold text-fg">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-fg-muted">
        Check your connection, then try again. If it keeps happening, the app may have just been updated:
        retrying loads the new version.
      </p>
      <Button
        className="mt-6"
        onClick={() => {
          window.location.reload();
        }}
      >
        Retry
      </Button>
    </div>
  );
}

export function PageBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary FallbackComponent={PageFailed} resetKeys={[pathname]}>
      <Suspense fallback={<SkeletonRows rows={8} />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

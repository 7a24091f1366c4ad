import type { ReactNode } from 'react';

import { DocumentTitle } from './document-title.tsx';

export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-6 text-center">
          <div className="text-2xl font-bold text-accent">Tenantry</div>
          <DocumentTitle title={title} />
          <h1 className="mt-4 text-xl font-semibold text-fg">{title}</h1>
          {subtitle ? <div className="mt-1 text-sm text-fg-subtle">{subtitle}</div> : null}
        </div>
        <div className="rounded-lg bg-surface p-6 shadow-sm ring-1 ring-line">{children}</div>
      </div>
    </main>
  );
}

import type { ReactNode } from 'react';

import { DocumentTitle } from './document-title.tsx';

export function PageHeader({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        {children}
        <DocumentTitle title={title} />
        <h1 className="text-2xl font-semibold tracking-tight text-fg">{title}</h1>
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}

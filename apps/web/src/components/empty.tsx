import type { ReactNode } from 'react';

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="px-6 py-12 text-center">
      <p className="text-sm font-medium text-fg">{title}</p>
      {children ? <div className="mt-2 text-sm text-fg-subtle">{children}</div> : null}
    </div>
  );
}

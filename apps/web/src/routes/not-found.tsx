import { Link } from 'react-router';

import { buttonClass } from '../components/button.tsx';
import { DocumentTitle } from '../components/document-title.tsx';

export function NotFound({ what = 'Page' }: { what?: string }) {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <DocumentTitle title={`${what} not found`} />
      <h1 className="mt-2 text-2xl font-semibold text-fg">{what} not found</h1>
      <p className="mt-2 text-sm text-fg-subtle">It may have been deleted, or the link may be wrong.</p>
      <Link to="/" className={`${buttonClass('primary')} mt-6`}>
        Back to overview
      </Link>
    </div>
  );
}

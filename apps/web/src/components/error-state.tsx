// What a page or a panel shows instead of its data when the call failed: what could not be
// loaded, why in words (lib/errors.ts), and Retry. Never a skeleton that waits forever.
import { errorMessage } from '../lib/errors.ts';
import { Button } from './button.tsx';

interface Props {
  /** "This list could not be loaded." */
  title: string;
  error: unknown;
  onRetry: () => unknown;
  /** While the retry is in flight. */
  retrying?: boolean;
}

export function ErrorState({ title, error, onRetry, retrying = false }: Props) {
  return (
    <div role="alert" className="px-6 py-12 text-center">
      <p className="text-sm font-medium text-fg">{title}</p>
      <p className="mt-1 text-sm text-fg-subtle">{errorMessage(error)}</p>
      <Button variant="secondary" small className="mt-4" disabled={retrying} onClick={() => void onRetry()}>
        {retrying ? 'Retrying…' : 'Retry'}
      </Button>
    </div>
  );
}

import { useState } from 'react';

import { errorMessage } from '../lib/errors.ts';
import { Button } from './button.tsx';
import type { ButtonVariant } from './button.tsx';
import { Dialog } from './dialog.tsx';
import { FormAlert } from './form-alert.tsx';

interface Props {
  label: string;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  variant?: ButtonVariant;
  small?: boolean;
  /** Why it cannot be done now (a site that still has buildings): the dialog says so and offers only Close. */
  blocked?: string | undefined;
}

/**
 * The `meta` of a mutation that a ConfirmButton runs: its failure shows in the
 * dialog, which sits above everything (a toast would be hidden behind it), so
 * it raises no toast.
 */
export const CONFIRMED_IN_DIALOG = { toast: false } as const;

/** A button that asks first, and waits for the action before closing; a failure shows in the dialog. */
export function ConfirmButton({
  label,
  title,
  body,
  confirmLabel,
  onConfirm,
  variant = 'danger',
  small,
  blocked,
}: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  return (
    <>
      <Button
        variant={variant === 'danger' ? 'secondary' : variant}
        small={small}
        onClick={() => {
          setFailure(null);
          setOpen(true);
        }}
      >
        {label}
      </Button>
      <Dialog
        open={open}
        title={title}
        onClose={() => {
          setOpen(false);
        }}
      >
        <p className="text-sm text-fg-muted">{blocked ?? body}</p>
        {failure ? (
          <div className="mt-4">
            <FormAlert>{errorMessage(failure)}</FormAlert>
          </div>
        ) : null}
        <div className="mt-6 flex justify-end gap-2">
          <Button
            variant="secondary"
            onClick={() => {
              setOpen(false);
            }}
          >
            {blocked ? 'Close' : 'Cancel'}
          </Button>
          {blocked ? null : (
            <Button
              variant={variant}
              disabled={busy}
              onClick={() => {
                setBusy(true);
                setFailure(null);
                onConfirm()
                  .then(() => {
                    setOpen(false);
                  })
                  .catch(setFailure)
                  .finally(() => {
                    setBusy(false);
                  });
              }}
            >
              {confirmLabel}
            </Button>
          )}
        </div>
      </Dialog>
    </>
  );
}

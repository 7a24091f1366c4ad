import { useState } from 'react';

import { Button } from './button.tsx';
import type { ButtonVariant } from './button.tsx';
import { Dialog } from './dialog.tsx';

interface Props {
  label: string;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  variant?: ButtonVariant;
  small?: boolean;
}

/** A button that asks first, and waits for the action before closing. */
export function ConfirmButton({
  label,
  title,
  body,
  confirmLabel,
  onConfirm,
  variant = 'danger',
  small,
}: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        variant={variant === 'danger' ? 'secondary' : variant}
        small={small}
        onClick={() => {
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
        <p className="text-sm text-fg-muted">{body}</p>
        <div className="mt-6 flex justify-end gap-2">
          <Button
            variant="secondary"
            onClick={() => {
              setOpen(false);
            }}
          >
            Cancel
          </Button>
          <Button
            variant={variant}
            disabled={busy}
            onClick={() => {
              setBusy(true);
              onConfirm()
                .then(() => {
                  setOpen(false);
                })
                .catch(() => undefined)
                .finally(() => {
                  setBusy(false);
                });
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </Dialog>
    </>
  );
}

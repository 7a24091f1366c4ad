// A modal on the native <dialog>: the browser traps focus, closes on Escape
// and restores focus, which no hand-rolled overlay gets right as cheaply.
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}

export function Dialog({ open, title, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-lg bg-surface p-0 shadow-xl"
    >
      {open ? (
        <div className="p-4 sm:p-6">
          <h2 className="mb-4 text-lg font-semibold text-fg">{title}</h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

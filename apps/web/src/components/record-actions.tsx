import type { ReactNode } from 'react';

import { useIsAdmin } from '../lib/me.ts';
import { Button } from './button.tsx';
import { ConfirmButton } from './confirm.tsx';

interface RecordActionsProps {
  /** "site", "building", "asset": names the dialog and its button. */
  noun: string;
  /** What deleting means, in the confirmation dialog. */
  deleteBody: string;
  /** Why it cannot be deleted now, if it cannot: the dialog says so instead of offering Delete. */
  deleteBlocked?: string | undefined;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
}

/** Edit for everyone, Delete (after confirmation) for admins: the actions of a detail page. */
export function RecordActions({ noun, deleteBody, deleteBlocked, onEdit, onDelete }: RecordActionsProps) {
  const isAdmin = useIsAdmin();
  return (
    <>
      <Button variant="secondary" onClick={onEdit}>
        Edit
      </Button>
      {isAdmin ? (
        <ConfirmButton
          label="Delete"
          title={`Delete this ${noun}?`}
          body={deleteBody}
          blocked={deleteBlocked}
          confirmLabel={`Delete ${noun}`}
          onConfirm={onDelete}
        />
      ) : null}
    </>
  );
}

/** A detail page's list of children, headed by its title and an Add button. */
export function ChildSection({
  title,
  addLabel,
  onAdd,
  children,
}: {
  title: string;
  addLabel: string;
  onAdd: () => void;
  children: ReactNode;
}) {
  return (
    <>
      <div className="mb-3 flex items-center justify-between">
        <h2 className="text-lg font-semibold text-fg">{title}</h2>
        <Button small onClick={onAdd}>
          {addLabel}
        </Button>
      </div>
      {children}
    </>
  );
}

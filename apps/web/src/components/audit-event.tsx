// One audit event in the log: its sentence, and a disclosure that shows its
// facts as a label/value list (never raw JSON).
import { useId, useState } from 'react';

import { auditDetails, auditSummary } from '../lib/audit-summary.ts';
import type { AuditEventView } from '../lib/audit-summary.ts';
import { Button } from './button.tsx';

export function AuditEvent({ event }: { event: AuditEventView }) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const details = auditDetails(event);
  const summary = auditSummary(event);
  return (
    // Table cells do not wrap; a sentence does.
    <div className="min-w-56 whitespace-normal">
      <div className="flex items-start justify-between gap-3">
        <p className="text-fg">{summary}</p>
        <Button
          variant="ghost"
          small
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={`Details: ${summary}`}
          onClick={() => {
            setOpen(!open);
          }}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Details
        </Button>
      </div>
      <dl
        id={detailsId}
        hidden={!open}
        className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 rounded-md bg-surface-muted p-3 text-xs"
      >
        {details.map(({ label, value }) => (
          <div key={label} className="contents">
            <dt className="font-medium text-fg-subtle">{label}</dt>
            <dd className="break-words text-fg">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

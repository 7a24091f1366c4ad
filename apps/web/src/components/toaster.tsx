import { useEffect, useState } from 'react';

import { dismissToast, subscribeToasts } from '../lib/toast.ts';
import type { Toast } from '../lib/toast.ts';

export function Toaster() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  useEffect(() => subscribeToasts(setToasts), []);
  return (
    <div aria-live="polite" className="fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2">
      {toasts.map((t) => (
        <div
          key={t.id}
          role={t.kind === 'error' ? 'alert' : 'status'}
          className={`flex items-start justify-between gap-3 rounded-md px-4 py-3 text-sm shadow-lg ring-1 ${
            t.kind === 'error'
              ? 'bg-red-50 text-red-800 ring-red-200'
              : 'bg-emerald-50 text-emerald-800 ring-emerald-200'
          }`}
        >
          <span>{t.message}</span>
          <button
            type="button"
            aria-label="Dismiss"
            className="text-current opacity-60 hover:opacity-100"
            onClick={() => {
              dismissToast(t.id);
            }}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

// Toasts are sonner's; <Toaster> (components/toaster.tsx) sets how they look and how
// long they stay. This decides how each kind is announced: the toaster is a polite live
// region, which suits a confirmation, while an error is an alert, read at once. A toast
// with an `id` replaces the one showing with the same id instead of stacking under it.
import { toast as sonner } from 'sonner';

export type ToastKind = 'error' | 'success';

export function toast(message: string, kind: ToastKind = 'success', { id }: { id?: string } = {}) {
  if (kind === 'error') sonner.error(<span role="alert">{message}</span>, id ? { id } : {});
  else sonner.success(message, id ? { id } : {});
}

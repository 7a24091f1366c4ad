// The app's one toaster (sonner), bottom right. A toast stays 6 s, long enough to
// read a server's message, and longer while the pointer rests on it; its close
// button is named "Dismiss". Sonner injects its own <style>, which the CSP's
// style-src 'unsafe-inline' allows.
import { Toaster as Sonner } from 'sonner';

import { useTheme } from '../lib/theme.ts';

const TOAST_DURATION_MS = 6_000;

export function Toaster() {
  const theme = useTheme();
  return (
    <Sonner
      theme={theme}
      position="bottom-right"
      richColors
      closeButton
      duration={TOAST_DURATION_MS}
      visibleToasts={4}
      toastOptions={{ closeButtonAriaLabel: 'Dismiss' }}
    />
  );
}

// The app's one toaster (sonner), bottom right. A toast stays 6 s, long enough to
// read a server's message, and longer while the pointer rests on it; its close
// button is named "Dismiss". Sonner injects its own <style>, which the CSP's
// style-src 'unsafe-inline' allows.
import { Toaster as Sonner } from 'sonner';

import { useConnection } from '../lib/network.ts';
import { useTheme } from '../lib/theme.ts';
import { BANNER_HEIGHT_PX } from './network-banner.tsx';

const TOAST_DURATION_MS = 6_000;

export function Toaster() {
  const theme = useTheme();
  // Above the offline banner while it shows (sonner's default offsets are 24 px and 16 px).
  const lift = useConnection() === 'online' ? 0 : BANNER_HEIGHT_PX;
  return (
    <Sonner
      theme={theme}
      offset={{ bottom: 24 + lift }}
      mobileOffset={{ bottom: 16 + lift }}
      position="bottom-right"
      richColors
      closeButton
      duration={TOAST_DURATION_MS}
      visibleToasts={4}
      toastOptions={{ closeButtonAriaLabel: 'Dismiss' }}
    />
  );
}

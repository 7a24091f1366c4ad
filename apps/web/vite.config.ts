import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// In development the API runs on :3000 (apps/server); proxying keeps the
// browser on one origin, so the session cookie and CSRF origin check just work.
const api = { target: 'http://localhost:3000', changeOrigin: false };

export default defineConfig({
  // The build writes a .br (brotli, quality 11) and a .gz (gzip, level 9) beside each JS, CSS
  // and HTML file; the server sends them as they are (apps/server/src/routes/web.ts says why).
  plugins: [react(), tailwindcss(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
  server: { port: 5173, strictPort: true, proxy: { '/trpc': api, '/api': api, '/readyz': api } },
  // Every page is its own chunk (src/pages.ts); the charts load with the overview, and the
  // password dictionary only where a password is chosen.
  build: { sourcemap: false, chunkSizeWarningLimit: 600 },
});

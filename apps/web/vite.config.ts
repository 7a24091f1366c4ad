import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on :3000 (apps/server); proxying keeps the
// browser on one origin, so the session cookie and CSRF origin check just work.
const api = { target: 'http://localhost:3000', changeOrigin: false };

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { port: 5173, strictPort: true, proxy: { '/trpc': api, '/api': api } },
  // The app shell (React, router, TanStack Query, tRPC, zod for the forms) is ~155 kB gzipped;
  // the charts load on demand as their own chunk.
  build: { sourcemap: false, chunkSizeWarningLimit: 600 },
});

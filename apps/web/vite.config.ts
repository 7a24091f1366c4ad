import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on :3000 (apps/server); proxying keeps the
// browser on one origin, so the session cookie and CSRF origin check just work.
const api = { target: 'http://localhost:3000', changeOrigin: false };

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { port: 5173, strictPort: true, proxy: { '/trpc': api, '/api': api } },
  build: { sourcemap: false, chunkSizeWarningLimit: 1000 },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run build` bundles the app into dist/, which the console's server (server/src) serves.
// `npm run dev -w @wc/console`: the app with hot reload at http://127.0.0.1:5173, its API and
// sign-in calls passed to the console's server that `npm start` runs (CONSOLE_URL, port 3000).
const consoleServer = process.env.CONSOLE_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy: { '/api': consoleServer, '/auth': consoleServer } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run build` bundles the app into dist/, which the console's server (server/src) serves.
// `npm run dev -w @wc/console`: the app with hot reload at http://127.0.0.1:5173, its API and
// sign-in calls passed to the console's server that `npm start` runs (CONSOLE_URL, port 3000).
const consoleServer = process.env.CONSOLE_URL ?? 'http://127.0.0.1:3000';
// The contracts the console validates forms with (@wc/contracts, and the rules it checks dates and
// money with) are bundled from their TypeScript source: ES modules, so the bundle has one copy of zod
// and only the parts it uses, where the packages' built CommonJS would bring a second zod and all of both.
const source = (lib: string) => fileURLToPath(new URL(`../../libs/${lib}/src/index.ts`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@wc/contracts': source('contracts'), '@wc/rules': source('rules') } },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy: { '/api': consoleServer, '/auth': consoleServer } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});

import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConsoleConfig, serviceUrlsOf } from './config';
import { sendJson } from './http';
import { SERVICES, type ServiceUrls, proxy, targetOf } from './proxy';
import { type SignInProvider, signInFor } from './sign-in';
import { serveStatic } from './static-files';

export { SERVICES, targetOf } from './proxy';
export type { ServiceUrls } from './proxy';
export { developmentSignIn, signInFor } from './sign-in';
export { OUTSIDE_LOCAL_USE, consoleConfig, loadConsoleConfig } from './config';
export type { SignInConfig, SignInProvider } from './sign-in';

/** The built single-page app (apps/console/dist). */
export const APP_DIR = path.resolve(__dirname, '..', '..', 'dist');

// What the app's pages may load and do: scripts and everything else from this origin only (the PDFs
// it opens are blob: URLs it made). Inline styles are let through: React Aria's components set some
// (a <style> for touch behaviour, the live announcer's visually hidden region), and a style cannot run code.
// With an identity provider, the app also fetches its configuration and token endpoint (connect-src).
function securityHeaders(signIn: SignInProvider): Record<string, string> {
  const c = signIn.config();
  const connect = c.provider === 'oidc' ? `connect-src 'self' ${new URL(c.issuer).origin}; ` : '';
  return {
    'content-security-policy': `default-src 'self'; ${connect}style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/**
 * The console's own health, for Docker's HEALTHCHECK and Kubernetes' probes: the process answers.
 * The services are not asked: one that is down gets a 502 for its own pages, never the console's
 * pod taken out of its Service or restarted.
 */
const HEALTH_ROUTES = new Set(['/health', '/health/live', '/health/ready']);

export interface ConsoleServerOptions {
  host?: string;
  /** 0: any free port. */
  port: number;
  services: ServiceUrls;
  signIn?: SignInProvider;
  appDir?: string;
  env?: NodeJS.ProcessEnv;
}

export interface ConsoleServer {
  url: string;
  close(): Promise<void>;
}

/** The console's server: the app, /api/<service>/… passed on to the services, and sign-in under /auth/. */
export async function startConsoleServer(o: ConsoleServerOptions): Promise<ConsoleServer> {
  const signIn = o.signIn ?? signInFor(o.env ?? process.env);
  const appDir = path.resolve(o.appDir ?? APP_DIR);
  const headers = securityHeaders(signIn);
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (HEALTH_ROUTES.has(url.replace(/[?#].*$/, ''))) {
      if (req.method === 'GET' || req.method === 'HEAD') return sendJson(res, 200, { status: 'ok' });
      return sendJson(res, 405, { statusCode: 405, error: 'Method Not Allowed', message: 'GET or HEAD only' }, { allow: 'GET, HEAD' });
    }
    const target = targetOf(url, o.services);
    if (target) return proxy(req, res, target);
    if (url.startsWith('/api/')) return sendJson(res, 404, { statusCode: 404, error: 'Not Found', message: `no such service: the console passes on /api/${SERVICES.join('|')}/…` });
    if (url === '/auth/config') return sendJson(res, 200, signIn.config());
    if (url.startsWith('/auth/')) {
      return void signIn
        .handle(req, res)
        .then((handled) => handled || sendJson(res, 404, { statusCode: 404, error: 'Not Found', message: 'no such sign-in route' }))
        .catch((e) => (res.headersSent ? res.destroy(e) : sendJson(res, 500, { statusCode: 500, error: 'Internal Server Error', message: 'sign-in failed' })));
    }
    serveStatic(appDir, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * `node apps/console/server/dist/server.js` (the console's image): the console on CONSOLE_HOST and
 * CONSOLE_PORT (127.0.0.1:3000), for the services at CLAIMS_SERVICE_URL, DOCUMENTS_SERVICE_URL,
 * NOTIFICATIONS_SERVICE_URL and PAYMENTS_SERVICE_URL (their usual ports here by default). Refuses to
 * start on a bad setting, naming each, and outside local use (config.ts).
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<ConsoleServer> {
  const c = loadConsoleConfig(env);
  return startConsoleServer({ host: c.CONSOLE_HOST, port: c.CONSOLE_PORT, services: serviceUrlsOf(c), env });
}

if (require.main === module) {
  main()
    .then((s) => {
      process.stdout.write(`console at ${s.url}\n`);
      // docker stop and Kubernetes send SIGTERM; as PID 1, node would otherwise ignore it until killed.
      for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void s.close().then(() => process.exit(0)));
    })
    .catch((e) => {
      process.stderr.write(`console failed to start: ${e.message}\n`);
      process.exit(1);
    });
}

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { type ConsoleServer, startConsoleServer } from '../../apps/console/server/src/server';
import { type Platform, startPlatform } from '../e2e/support';
import { axe, launch, serious } from './browser';

// Issue 13: staff sign in with the insurer's OpenID Connect provider, not only with development
// identities. A real provider (node-oidc-provider, tests/browser/oidc-provider.mjs) issues JWT access
// tokens for the staff API with the platform role; the services verify them against its keys
// (AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE); the console signs in there with the authorization
// code flow and PKCE, and its pages then load with that token; signing out ends the provider's session too.
jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..', '..');
// A resource indicator (RFC 8707) is an absolute URI; the services take it as their AUTH_AUDIENCE.
const AUDIENCE = 'urn:wc-claims:staff-api';
let provider: ChildProcess;
let issuer: string;
let platform: Platform;
let consoleServer: ConsoleServer;
let browser: Browser;

async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'apps', 'console', 'dist', 'index.html'))) throw new Error('apps/console/dist is missing: run npm run build');
  const [providerPort, consolePort] = [await freePort(), await freePort()];
  provider = spawn(
    process.execPath,
    [path.join(__dirname, 'oidc-provider.mjs'), String(providerPort), `http://127.0.0.1:${consolePort}/signed-in`, AUDIENCE, JSON.stringify({ 'cm.oidc': 'case-manager' })],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  issuer = await new Promise<string>((resolve, reject) => {
    provider.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(d.toString().split('\n')[0]).issuer));
    provider.once('exit', (code) => reject(new Error(`the identity provider exited (${code})`)));
  });
  const services = { AUTH_JWKS_URL: `${issuer}/jwks`, AUTH_ISSUER: issuer, AUTH_AUDIENCE: AUDIENCE };
  platform = await startPlatform({ env: { ...process.env, ...services }, basePort: 5301, only: ['claims', 'documents', 'notifications', 'payments'] });
  const { claims, documents, notifications, payments } = platform.urls;
  consoleServer = await startConsoleServer({
    port: consolePort,
    services: { claims, documents, notifications, payments },
    env: { ...process.env, ...services, OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'wc-console', OIDC_RESOURCE: AUDIENCE },
  });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await consoleServer?.close();
  await platform?.stopAll();
  provider?.kill();
});

it("signs a case manager in at the identity provider and back, and the services take the provider's token", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-AU', timezoneId: 'UTC' });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && cspViolations.push(m.text()));
  // Asked for a page before signing in: that page once signed in.
  await page.goto(`${consoleServer.url}/my-work`);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByText(`Sign in with your insurer account at ${new URL(issuer).host}`).waitFor();
  // No development identities where an identity provider signs staff in.
  expect(await page.getByRole('textbox', { name: 'User name' }).count()).toBe(0);
  expect(serious(await axe(page))).toEqual([]);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // The provider's own login page.
  await page.waitForURL((u) => u.origin === issuer);
  await page.locator('input[name="login"]').fill('cm.oidc');
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();

  // Back in the console: signed in as the provider's user, with its role, on the page asked for,
  // whose work queue the claims service answered with the provider's token.
  await page.getByText('Signed in as cm.oidc').waitFor();
  expect(new URL(page.url()).pathname).toBe('/my-work');
  await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
  await page.getByText('(case manager)').waitFor();
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('wc-console.session') ?? 'null')?.accessToken as string);
  const claims = await fetch(`${platform.urls.claims}/work-queue`, { headers: { authorization: `Bearer ${token}` } });
  expect(claims.status).toBe(200);
  expect(serious(await axe(page))).toEqual([]);
  expect(cspViolations).toEqual([]);

  // Signing out ends the provider's session too (RP-initiated logout): the provider asks to confirm,
  // sends the browser back to the console, and the next sign-in asks for the password again.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((u) => u.origin === issuer);
  expect(new URL(page.url()).searchParams.get('id_token_hint')).toBeTruthy();
  await page.locator('button[name="logout"]').click();
  await page.waitForURL((u) => u.origin === new URL(consoleServer.url).origin);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  expect(await page.evaluate(() => sessionStorage.getItem('wc-console.session'))).toBeNull();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.origin === issuer);
  await page.locator('input[name="login"]').waitFor();
  await context.close();
});

it("refuses an identity provider's answer that is not for a sign-in started in this tab", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${consoleServer.url}/signed-in?code=forged&state=forged`);
  await page.getByText('this answer from the identity provider is not for a sign-in started here: sign in again').waitFor();
  expect(await page.evaluate(() => sessionStorage.getItem('wc-console.session'))).toBeNull();
  await context.close();
});

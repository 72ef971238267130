import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';
import { type ConsoleServer, OUTSIDE_LOCAL_USE, developmentSignIn, loadConsoleConfig, main, signInFor, startConsoleServer, targetOf } from './server';

const services = { claims: 'http://127.0.0.1:3001', documents: 'http://127.0.0.1:3002', notifications: 'http://127.0.0.1:3003', payments: 'http://127.0.0.1:3004' };

describe('where the console passes a request on', () => {
  it("drops /api/<service> and keeps the service's own path and query", () => {
    expect(targetOf('/api/claims/claims/abc/timeline', services)?.href).toBe('http://127.0.0.1:3001/claims/abc/timeline');
    expect(targetOf('/api/documents/documents/x/content?download=1', services)?.href).toBe('http://127.0.0.1:3002/documents/x/content?download=1');
    expect(targetOf('/api/claims', services)?.href).toBe('http://127.0.0.1:3001/');
  });

  it('passes nothing on to a service it does not know, nor outside /api', () => {
    expect(targetOf('/api/workflows/health', services)).toBeUndefined();
    expect(targetOf('/claims/abc', services)).toBeUndefined();
    expect(targetOf('/api/claims@evil.example/x', services)).toBeUndefined();
  });
});

describe('development sign-in', () => {
  it('is offered only in local use, and not once the services take an identity provider’s tokens', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-'));
    const env = { AUTH_KEY_FILE: path.join(dir, 'jwt.key') };
    expect(signInFor(env).config().provider).toBe('development');
    expect(signInFor({ ...env, DEPLOYMENT: 'production' }).config()).toEqual({ provider: 'none', reason: expect.stringContaining('local use only') });
    expect(signInFor({ ...env, AUTH_JWKS_URL: 'https://login.example.org/jwks' }).config().provider).toBe('none');
  });
});

describe("the console's settings (its image: node apps/console/server/dist/server.js)", () => {
  it('defaults to 127.0.0.1:3000 and the services at their usual ports; containers name them', () => {
    expect(loadConsoleConfig({})).toMatchObject({
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_PORT: 3000,
      DEPLOYMENT: 'local',
      CLAIMS_SERVICE_URL: 'http://127.0.0.1:3001',
      PAYMENTS_SERVICE_URL: 'http://127.0.0.1:3004',
    });
    const c = loadConsoleConfig({ CONSOLE_HOST: '0.0.0.0', CONSOLE_PORT: '3000', DOCUMENTS_SERVICE_URL: 'http://documents:3002' });
    expect([c.CONSOLE_HOST, c.CONSOLE_PORT, c.DOCUMENTS_SERVICE_URL]).toEqual(['0.0.0.0', 3000, 'http://documents:3002']);
  });

  it('refuses a bad setting, naming each', () => {
    expect(() => loadConsoleConfig({ CONSOLE_PORT: 'x', CLAIMS_SERVICE_URL: 'claims:3001', AUTH_JWT_SECRET: 'short' })).toThrow(
      /invalid configuration:\n {2}CONSOLE_PORT: .*\n {2}CLAIMS_SERVICE_URL: must be the service's http:\/\/ address.*\n {2}AUTH_JWT_SECRET: must be at least 32 characters/,
    );
    expect(() => loadConsoleConfig({ DEPLOYMENT: 'prod' })).toThrow(/DEPLOYMENT: must be local, staging or production/);
    expect(() => loadConsoleConfig({ OIDC_ISSUER: 'http://127.0.0.1:9999' })).toThrow('OIDC_CLIENT_ID: OIDC_ISSUER and OIDC_CLIENT_ID go together');
  });

  it.each(['staging', 'production'])('refuses to start with DEPLOYMENT=%s without an identity provider, saying why, rather than offer development identities or none', async (deployment) => {
    // Whatever else it is given: the staff key, or the identity provider's keys alone.
    for (const env of [{ DEPLOYMENT: deployment }, { DEPLOYMENT: deployment, AUTH_JWT_SECRET: 'x'.repeat(48) }, { DEPLOYMENT: deployment, AUTH_JWKS_URL: 'https://login.example.org/jwks' }]) {
      expect(() => loadConsoleConfig(env)).toThrow(
        `invalid configuration:\n  OIDC_ISSUER: is required when DEPLOYMENT is ${deployment}: ${OUTSIDE_LOCAL_USE}\n  OIDC_CLIENT_ID: is required when DEPLOYMENT is ${deployment}: ${OUTSIDE_LOCAL_USE}`,
      );
      await expect(main(env)).rejects.toThrow(/OIDC_ISSUER: is required when DEPLOYMENT/);
    }
  });

  it.each(['staging', 'production'])('with DEPLOYMENT=%s, runs with an https identity provider and its client, and offers only it', (deployment) => {
    const oidc = { DEPLOYMENT: deployment, OIDC_ISSUER: 'https://login.example.org/realms/insurer', OIDC_CLIENT_ID: 'wc-console', AUTH_JWKS_URL: 'https://login.example.org/jwks' };
    expect(loadConsoleConfig(oidc).OIDC_ISSUER).toBe('https://login.example.org/realms/insurer');
    expect(signInFor(oidc).config()).toEqual({ provider: 'oidc', issuer: 'https://login.example.org/realms/insurer', clientId: 'wc-console', scope: 'openid profile', roleClaim: 'role' });
    expect(() => loadConsoleConfig({ ...oidc, OIDC_ISSUER: 'http://login.example.org' })).toThrow(`OIDC_ISSUER: must be an https:// URL when DEPLOYMENT is ${deployment}`);
    expect(() => loadConsoleConfig({ DEPLOYMENT: deployment, OIDC_ISSUER: 'https://login.example.org' })).toThrow(`OIDC_CLIENT_ID: is required when DEPLOYMENT is ${deployment}`);
  });

  it('starts in local use on the port and services it is given, healthy', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-'));
    // A port that was free a moment ago (CONSOLE_PORT is 1 to 65535, as the services' PORT).
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const s = await main({ CONSOLE_PORT: String(port), AUTH_KEY_FILE: path.join(dir, 'jwt.key'), CLAIMS_SERVICE_URL: 'http://127.0.0.1:1' });
    try {
      expect(s.url).toBe(`http://127.0.0.1:${port}`);
      expect((await fetch(`${s.url}/health`)).status).toBe(200);
      expect(await (await fetch(`${s.url}/auth/config`)).json()).toMatchObject({ provider: 'development' });
      // The claims service it was given, which does not answer.
      expect(await (await fetch(`${s.url}/api/claims/claims`)).json()).toMatchObject({ statusCode: 502, message: expect.stringContaining('127.0.0.1:1') });
    } finally {
      await s.close();
    }
  });
});

describe('the console server', () => {
  const key = new TextEncoder().encode('a development key of at least thirty-two characters');
  let upstream: http.Server;
  let seen: { method?: string; url?: string; authorization?: string; body: string }[];
  let server: ConsoleServer;
  let appDir: string;

  beforeAll(async () => {
    seen = [];
    // A stand-in service: says what it was asked, as a service would answer a refusal.
    upstream = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body });
        res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 403, message: 'cm.other (case-manager) may not see claim x here: not theirs' }));
      });
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-app-'));
    fs.writeFileSync(path.join(appDir, 'index.html'), '<!doctype html><title>console</title>');
    server = await startConsoleServer({ port: 0, services: { ...services, claims: url }, signIn: developmentSignIn(key), appDir });
  });

  afterAll(async () => {
    await server.close();
    await new Promise((r) => upstream.close(r));
  });

  it('answers its health without asking the services (Docker HEALTHCHECK, Kubernetes probes)', async () => {
    const before = seen.length;
    for (const route of ['/health', '/health/live', '/health/ready', '/health?probe=1']) {
      const res = await fetch(`${server.url}${route}`);
      expect([route, res.status, res.headers.get('content-type'), await res.json()]).toEqual([route, 200, 'application/json; charset=utf-8', { status: 'ok' }]);
    }
    expect((await fetch(`${server.url}/health`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${server.url}/health`, { method: 'POST' })).status).toBe(405);
    // Not one of them passed on, and a service that does not answer (payments here) changes nothing.
    expect(seen.length).toBe(before);
    // Anything else under /health is the app's, as before.
    expect(await (await fetch(`${server.url}/health/other`)).text()).toContain('<title>console</title>');
  });

  it('passes the request on as it came, and the refusal back as it came', async () => {
    const res = await fetch(`${server.url}/api/claims/actions?x=1`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ statusCode: 403, message: 'cm.other (case-manager) may not see claim x here: not theirs' });
    expect(seen.at(-1)).toEqual({ method: 'POST', url: '/actions?x=1', authorization: 'Bearer t', body: '{"a":1}' });
  });

  it('answers 502 in the services’ shape when a service does not answer', async () => {
    const res = await fetch(`${server.url}/api/payments/payments`);
    expect(res.status).toBe(502);
    expect((await res.json()).message).toMatch(/did not answer/);
  });

  it('signs a development token the services take: the role and user chosen, for at most a working day', async () => {
    const res = await fetch(`${server.url}/auth/development/token`, { method: 'POST', body: JSON.stringify({ role: 'case-manager', user: 'cm.sam' }) });
    expect(res.status).toBe(200);
    const session = await res.json();
    expect(session).toMatchObject({ user: 'cm.sam', role: 'case-manager' });
    const { payload } = await jwtVerify(session.accessToken, key, { issuer: 'wc-claims', audience: 'wc-claims-staff-api' });
    expect(payload).toMatchObject({ sub: 'cm.sam', role: 'case-manager' });
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(12 * 3600);
  });

  it('names each field it refuses, as the services do', async () => {
    const res = await fetch(`${server.url}/auth/development/token`, { method: 'POST', body: JSON.stringify({ role: 'boss', user: ' ' }) });
    expect(res.status).toBe(400);
    expect((await res.json()).problems).toEqual([
      { field: 'role', problem: expect.stringContaining('must be one of case-manager') },
      { field: 'user', problem: 'must not be empty' },
    ]);
  });

  it("serves the app's page at any of its addresses, with a policy that keeps it to its own origin", async () => {
    const res = await fetch(`${server.url}/claims/6f1c0b7e-0000-4000-8000-000000000000`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>console</title>');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    // Nothing outside the app's directory: a path that climbs out gets the app's page, not the file.
    expect(await (await fetch(`${server.url}/..%2f..%2f..%2fetc%2fpasswd`)).text()).toContain('<title>console</title>');
  });
});

import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';
import { type ConsoleServer, developmentSignIn, signInFor, startConsoleServer, targetOf } from './server';

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

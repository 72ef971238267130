import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, Get, INestApplication, Module, Post, Req } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type JWK, type KeyLike, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { AuthKeys, Internal, Roles, ServiceAccess, StaffAuthGuard, StaffUser, authKeys, mintServiceToken, mintToken, requireToken } from './auth';

@Controller()
class RoutesController {
  @Get('claims')
  @Roles('case-manager')
  claims(@Req() req: { staff: StaffUser }) {
    return req.staff;
  }

  @Post('documents')
  @Roles('case-manager')
  @ServiceAccess('documents:write')
  documents(@Req() req: { staff: StaffUser }) {
    return req.staff;
  }

  @Post('internal/effects')
  @Internal('claims:effects')
  effects(@Req() req: { staff: StaffUser }) {
    return req.staff;
  }
}

@Module({ controllers: [RoutesController] })
class TestModule {}

// The development secrets: staff tokens (claimctl token) and service credentials each have their own.
const STAFF_SECRET = 'k'.repeat(48);
const SERVICE_SECRET = 's'.repeat(48);
const staffKey = new TextEncoder().encode(STAFF_SECRET);
const serviceKey = new TextEncoder().encode(SERVICE_SECRET);
const devKeys = () => authKeys({ AUTH_JWT_SECRET: STAFF_SECRET, AUTH_SERVICE_SECRET: SERVICE_SECRET });

/** TestModule behind StaffAuthGuard with `keys`; `call` answers [status, message or 'ok'] (the who, with `who`). */
async function guarded(keys: AuthKeys) {
  const app = await NestFactory.create(TestModule, { logger: false });
  app.useGlobalGuards(new StaffAuthGuard(app.get(Reflector), keys));
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const call = async (method: string, path: string, token: string, who = false) => {
    const res = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { message?: string };
    return [res.status, res.ok && who ? body : (body.message ?? 'ok')];
  };
  return { app, call };
}

// Issue 14: services authenticate to each other with their own credentials and scopes, never with a
// staff role; internal endpoints refuse staff tokens.
describe('who may call which route', () => {
  const key = staffKey;
  let app: INestApplication;
  let call: Awaited<ReturnType<typeof guarded>>['call'];
  beforeAll(async () => ({ app, call } = await guarded(devKeys())));
  afterAll(() => app.close());

  it('staff: their roles on staff routes; never an internal route, admin included', async () => {
    const cm = await mintToken({ user: 'sam', role: 'case-manager' }, key);
    const admin = await mintToken({ user: 'root', role: 'admin' }, key);
    expect(await call('GET', '/claims', cm)).toEqual([200, 'ok']);
    expect(await call('POST', '/documents', cm)).toEqual([201, 'ok']);
    expect(await call('POST', '/internal/effects', cm)).toEqual([403, 'an internal route: a staff token is refused (a service credential with scope claims:effects is required)']);
    expect(await call('POST', '/internal/effects', admin)).toEqual([403, 'an internal route: a staff token is refused (a service credential with scope claims:effects is required)']);
  });

  it('a service: only the routes open to its scopes; no staff route', async () => {
    const worker = await mintServiceToken('claim-worker', ['claims:effects'], serviceKey);
    const notifications = await mintServiceToken('notifications-service', ['documents:write', 'documents:read'], serviceKey);
    expect(await call('POST', '/internal/effects', worker)).toEqual([201, 'ok']);
    expect(await call('POST', '/documents', worker)).toEqual([403, 'claim-worker lacks the scope documents:write']);
    expect(await call('POST', '/documents', notifications)).toEqual([201, 'ok']);
    expect(await call('POST', '/internal/effects', notifications)).toEqual([403, 'notifications-service lacks the scope claims:effects']);
    expect(await call('GET', '/claims', notifications)).toEqual([403, 'notifications-service is a service: a service credential may not call staff routes']);
  });

  // Issue 14: service credentials are not signed with the staff secret. Whoever holds one key makes
  // nothing the other audience accepts.
  it('a service credential signed with the staff key is refused, and a staff token signed with the service key', async () => {
    const forgedService = await mintServiceToken('claim-worker', ['claims:effects'], staffKey);
    expect(await call('POST', '/internal/effects', forgedService)).toEqual([401, 'the token is not valid: signature verification failed']);
    const forgedStaff = await mintToken({ user: 'root', role: 'admin' }, serviceKey);
    expect(await call('GET', '/claims', forgedStaff)).toEqual([401, 'the token is not valid: signature verification failed']);
  });

  it('refuses one secret given for both', () => {
    expect(() => authKeys({ AUTH_JWT_SECRET: STAFF_SECRET, AUTH_SERVICE_SECRET: STAFF_SECRET })).toThrow('the service key (AUTH_SERVICE_SECRET) must not be the staff key (AUTH_JWT_SECRET)');
  });
});

// Issue 14: an identity provider's keys replace the development secret for staff tokens.
describe("staff tokens from an identity provider's keys (AUTH_JWKS_URL)", () => {
  const ISSUER = 'https://login.insurer.example/tenant/v2.0';
  const AUDIENCE = 'api://wc-claims';
  let jwks: http.Server;
  let jwksUrl: string;
  let rsa: KeyLike;
  let ec: KeyLike;
  let app: INestApplication;
  let call: Awaited<ReturnType<typeof guarded>>['call'];

  beforeAll(async () => {
    const pair = (alg: string) => generateKeyPair(alg);
    const [r, e] = await Promise.all([pair('RS256'), pair('ES256')]);
    rsa = r.privateKey;
    ec = e.privateKey;
    const published: JWK[] = [
      { ...(await exportJWK(r.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(e.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ];
    jwks = http.createServer((req, res) => {
      if (req.url !== '/keys') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`;
    // The development secret is given too: it must not count for staff tokens any more.
    ({ app, call } = await guarded(
      authKeys({ AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE, AUTH_ROLE_CLAIM: 'roles', AUTH_JWT_SECRET: STAFF_SECRET, AUTH_SERVICE_SECRET: SERVICE_SECRET }),
    ));
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((r) => jwks?.close(r));
  });

  /** A token as the provider issues it; `over` changes the claims, `kid`/`alg` the header. */
  const idp = (key: KeyLike, o: { alg?: string; kid?: string; claims?: Record<string, unknown>; issuer?: string; audience?: string; ttl?: string } = {}) =>
    new SignJWT({ roles: ['case-manager'], ...o.claims })
      .setProtectedHeader({ alg: o.alg ?? 'RS256', kid: o.kid ?? 'rsa-1', typ: 'JWT' })
      .setSubject('sam@insurer.example')
      .setIssuer(o.issuer ?? ISSUER)
      .setAudience(o.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(o.ttl ?? '1h')
      .sign(key);

  it("accepts the provider's RS256 and ES256 tokens, the role from its claim", async () => {
    expect(await call('GET', '/claims', await idp(rsa), true)).toEqual([200, { user: 'sam@insurer.example', role: 'case-manager' }]);
    expect(await call('GET', '/claims', await idp(ec, { alg: 'ES256', kid: 'ec-1', claims: { roles: 'case-manager' } }), true)).toEqual([200, { user: 'sam@insurer.example', role: 'case-manager' }]);
    expect(await call('GET', '/claims', await idp(rsa, { claims: { roles: ['reviewer'] } }))).toEqual([403, 'role reviewer may not do this; allowed: case-manager']);
    expect(await call('POST', '/internal/effects', await idp(rsa, { claims: { roles: ['admin'] } }))).toEqual([
      403,
      'an internal route: a staff token is refused (a service credential with scope claims:effects is required)',
    ]);
  });

  it('refuses the development secret for staff tokens, a key not in the set, and what the provider issued for others', async () => {
    const dev = await mintToken({ user: 'root', role: 'admin' }, staffKey);
    expect(await call('GET', '/claims', dev)).toEqual([401, 'the token is not valid: "alg" (Algorithm) Header Parameter value not allowed']);
    const stranger = (await generateKeyPair('RS256')).privateKey;
    expect(await call('GET', '/claims', await idp(stranger))).toEqual([401, 'the token is not valid: signature verification failed']);
    expect(await call('GET', '/claims', await idp(stranger, { kid: 'rsa-2' }))).toEqual([401, 'the token is not valid: no applicable key found in the JSON Web Key Set']);
    expect(await call('GET', '/claims', await idp(rsa, { issuer: 'https://login.other.example/' }))).toEqual([401, 'the token is not valid: unexpected "iss" claim value']);
    expect(await call('GET', '/claims', await idp(rsa, { audience: 'api://another-app' }))).toEqual([401, 'the token is not valid: unexpected "aud" claim value']);
  });

  it('keeps the rules of staff tokens: a known role, one only, and at most 12 hours', async () => {
    expect(await call('GET', '/claims', await idp(rsa, { claims: { roles: ['Claims.Reader'] } }))).toEqual([401, 'the token is not valid: token has no known role']);
    expect(await call('GET', '/claims', await idp(rsa, { claims: { roles: ['case-manager', 'admin'] } }))).toEqual([401, 'the token is not valid: token has more than one role (case-manager, admin)']);
    expect(await call('GET', '/claims', await idp(rsa, { ttl: '13h' }))).toEqual([401, 'the token is not valid: a staff token may live at most 12 hours']);
  });

  it('service credentials stay with the service key', async () => {
    expect(await call('POST', '/internal/effects', await mintServiceToken('claim-worker', ['claims:effects'], serviceKey))).toEqual([201, 'ok']);
    expect(await call('POST', '/internal/effects', await mintServiceToken('claim-worker', ['claims:effects'], staffKey))).toEqual([401, 'the token is not valid: signature verification failed']);
    // Nor does the provider make one: its keys are for staff tokens only.
    expect(await call('POST', '/internal/effects', await idp(rsa, { audience: 'wc-claims-internal', issuer: 'wc-claims', claims: { scope: 'claims:effects' } }))).toEqual([
      401,
      'the token is not valid: "alg" (Algorithm) Header Parameter value not allowed',
    ]);
  });
});

describe('the OpenAPI document outside local use', () => {
  it('answers only with a valid token', async () => {
    const key = staffKey;
    const app = await NestFactory.create(TestModule, { logger: false });
    app.use('/docs', requireToken(devKeys()));
    SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, new DocumentBuilder().build()), { jsonDocumentUrl: 'docs/openapi.json' });
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    try {
      expect((await fetch(`${url}/docs/openapi.json`)).status).toBe(401);
      expect((await fetch(`${url}/docs`)).status).toBe(401);
      const forged = await mintToken({ user: 'x', role: 'admin' }, new TextEncoder().encode('f'.repeat(48)));
      expect((await fetch(`${url}/docs/openapi.json`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
      const cm = await mintToken({ user: 'sam', role: 'case-manager' }, key);
      const res = await fetch(`${url}/docs/openapi.json`, { headers: { authorization: `Bearer ${cm}` } });
      expect([res.status, Object.keys((await res.json()).paths)]).toEqual([200, ['/claims', '/documents', '/internal/effects']]);
    } finally {
      await app.close();
    }
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type KeyObject, generateKeyPairSync } from 'node:crypto';
import { Controller, Get, INestApplication, Module, Post, Req } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type JWK, type KeyLike, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { AuthKeys, Internal, Roles, ServiceAccess, StaffAuthGuard, StaffUser, authKeys, mintServiceToken, mintToken, requireToken } from './auth';
import { SERVICE_GRANTS, SERVICE_NAMES, type ServiceName, servicePrivateKey } from './service-credentials';

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

  @Get('documents/:id/content')
  @Roles('case-manager')
  @ServiceAccess('documents:read')
  content(@Req() req: { staff: StaffUser }) {
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

// The development secret of staff tokens (claimctl token); each process its own key pair, the
// services given the public halves (AUTH_SERVICE_PUBLIC_KEYS), each process its private one only.
const STAFF_SECRET = 'k'.repeat(48);
const staffKey = new TextEncoder().encode(STAFF_SECRET);
const pairs = Object.fromEntries(SERVICE_NAMES.map((n) => [n, generateKeyPairSync('ed25519')])) as Record<ServiceName, { privateKey: KeyObject; publicKey: KeyObject }>;
const PUBLIC_KEYS = JSON.stringify(Object.fromEntries(SERVICE_NAMES.map((n) => [n, pairs[n].publicKey.export({ format: 'pem', type: 'spki' })])));
/** A process's private key as its deployment gives it (AUTH_SERVICE_PRIVATE_KEY), read the way the process reads it. */
const ownKey = (n: ServiceName) => servicePrivateKey(n, { DEPLOYMENT: 'production', AUTH_SERVICE_PRIVATE_KEY: pairs[n].privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() });
const devKeys = () => authKeys({ AUTH_JWT_SECRET: STAFF_SECRET, AUTH_SERVICE_PUBLIC_KEYS: PUBLIC_KEYS });
/** What a process holding `key` could sign, whatever it claims: what mintServiceToken refuses to make. */
const signed = (sub: string, scope: string, key: KeyObject | Uint8Array, alg = 'EdDSA') =>
  new SignJWT({ scope }).setProtectedHeader({ alg, kid: sub }).setSubject(sub).setIssuer('wc-claims').setAudience('wc-claims-internal').setIssuedAt().setExpirationTime('10m').sign(key);

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

  // The real callers, each with the credential it makes: the worker's effects (workflows/src/worker.ts),
  // notifications writing and reading notices and payments writing remittance advices (DocumentsServiceClient).
  it('a service: only the routes open to its scopes; no staff route', async () => {
    const worker = await mintServiceToken('claim-worker', ['claims:effects'], ownKey('claim-worker'));
    const notifications = await mintServiceToken('notifications-service', ['documents:write', 'documents:read'], ownKey('notifications-service'));
    const payments = await mintServiceToken('payments-service', ['documents:write'], ownKey('payments-service'));
    expect(await call('POST', '/internal/effects', worker, true)).toEqual([201, { user: 'claim-worker', role: 'service', scopes: ['claims:effects'] }]);
    expect(await call('POST', '/documents', worker)).toEqual([403, 'claim-worker lacks the scope documents:write']);
    expect(await call('POST', '/documents', notifications)).toEqual([201, 'ok']);
    expect(await call('GET', '/documents/d-1/content', notifications)).toEqual([200, 'ok']);
    expect(await call('POST', '/documents', payments)).toEqual([201, 'ok']);
    expect(await call('GET', '/documents/d-1/content', payments)).toEqual([403, 'payments-service lacks the scope documents:read']);
    expect(await call('POST', '/internal/effects', notifications)).toEqual([403, 'notifications-service lacks the scope claims:effects']);
    expect(await call('GET', '/claims', notifications)).toEqual([403, 'notifications-service is a service: a service credential may not call staff routes']);
  });

  // Issue 14: service credentials are not signed with the staff secret. Whoever holds one key makes
  // nothing the other audience accepts.
  it('a service credential signed with the staff key is refused, and a staff token signed with a process key', async () => {
    const forgedService = await signed('claim-worker', 'claims:effects', staffKey, 'HS256');
    expect(await call('POST', '/internal/effects', forgedService)).toEqual([401, 'the token is not valid: "alg" (Algorithm) Header Parameter value not allowed']);
    // Nor the public key used as an HMAC secret (every service holds it).
    const publicAsSecret = await signed('claim-worker', 'claims:effects', new TextEncoder().encode(String(pairs['claim-worker'].publicKey.export({ format: 'pem', type: 'spki' }))), 'HS256');
    expect(await call('POST', '/internal/effects', publicAsSecret)).toEqual([401, 'the token is not valid: "alg" (Algorithm) Header Parameter value not allowed']);
    const forgedStaff = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('root')
      .setIssuer('wc-claims')
      .setAudience('wc-claims-staff-api')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(ownKey('claim-worker'));
    expect(await call('GET', '/claims', forgedStaff)).toEqual([401, 'the token is not valid: "alg" (Algorithm) Header Parameter value not allowed']);
  });
});

// Issue 14: what a process may hold is SERVICE_GRANTS, and its credential is its own: signed with
// its key, checked with its public key only, whatever the process put in it.
describe('each process its own credential, with only the scopes it is granted', () => {
  let app: INestApplication;
  let call: Awaited<ReturnType<typeof guarded>>['call'];
  beforeAll(async () => ({ app, call } = await guarded(devKeys())));
  afterAll(() => app.close());

  it("a scope only another process holds is refused, signed with the process's own key", async () => {
    // Payments writes documents; only notifications reads them back.
    const payments = await signed('payments-service', 'documents:write documents:read', ownKey('payments-service'));
    expect(await call('GET', '/documents/d-1/content', payments)).toEqual([401, 'the token is not valid: payments-service is not granted documents:read']);
    // The whole credential is refused, not just the scope it should not have.
    expect(await call('POST', '/documents', payments)).toEqual([401, 'the token is not valid: payments-service is not granted documents:read']);
    const worker = await signed('claim-worker', 'claims:effects documents:write', ownKey('claim-worker'));
    expect(await call('POST', '/documents', worker)).toEqual([401, 'the token is not valid: claim-worker is not granted documents:write']);
    const notifications = await signed('notifications-service', 'claims:effects', ownKey('notifications-service'));
    expect(await call('POST', '/internal/effects', notifications)).toEqual([401, 'the token is not valid: notifications-service is not granted claims:effects']);
    // A scope no process holds.
    expect(await call('POST', '/documents', await signed('notifications-service', 'documents:write claims:access', ownKey('notifications-service')))).toEqual([
      401,
      'the token is not valid: notifications-service is not granted claims:access',
    ]);
  });

  it('mints only the scopes the process is granted', async () => {
    await expect(mintServiceToken('payments-service', ['documents:write', 'documents:read'], ownKey('payments-service'))).rejects.toThrow(
      'payments-service is not granted documents:read (it holds documents:write)',
    );
    await expect(mintServiceToken('claim-worker', ['documents:write'], ownKey('claim-worker'))).rejects.toThrow('claim-worker is not granted documents:write (it holds claims:effects)');
    await expect(mintServiceToken('billing-service' as ServiceName, ['documents:write'], ownKey('claim-worker'))).rejects.toThrow(
      "billing-service is not one of the platform's processes (SERVICE_GRANTS)",
    );
  });

  it("a credential naming another process, signed with this process's key, is refused", async () => {
    // Notifications claiming to be the worker, to record a claim's effects.
    const asWorker = await mintServiceToken('claim-worker', ['claims:effects'], ownKey('notifications-service'));
    expect(await call('POST', '/internal/effects', asWorker)).toEqual([401, 'the token is not valid: signature verification failed']);
    // The worker claiming to be notifications, to read documents.
    const asNotifications = await signed('notifications-service', 'documents:read', ownKey('claim-worker'));
    expect(await call('GET', '/documents/d-1/content', asNotifications)).toEqual([401, 'the token is not valid: signature verification failed']);
    // A key of nobody's.
    const stranger = generateKeyPairSync('ed25519').privateKey;
    expect(await call('POST', '/documents', await signed('payments-service', 'documents:write', stranger))).toEqual([401, 'the token is not valid: signature verification failed']);
  });

  it('a process that is not in SERVICE_GRANTS is refused, and a credential naming none', async () => {
    const stranger = generateKeyPairSync('ed25519').privateKey;
    expect(await call('POST', '/documents', await signed('billing-service', 'documents:write', stranger))).toEqual([
      401,
      'the token is not valid: unknown service "billing-service": not one of the platform\'s processes (SERVICE_GRANTS)',
    ]);
    // Not even with a key the services know.
    expect(await call('POST', '/documents', await signed('constructor', 'documents:write', ownKey('notifications-service')))).toEqual([
      401,
      'the token is not valid: unknown service "constructor": not one of the platform\'s processes (SERVICE_GRANTS)',
    ]);
    const anonymous = await new SignJWT({ scope: 'documents:write' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('wc-claims')
      .setAudience('wc-claims-internal')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(ownKey('notifications-service'));
    expect(await call('POST', '/documents', anonymous)).toEqual([401, 'the token is not valid: a service credential must name its process (sub)']);
  });

  it('SERVICE_GRANTS as decided; AUTH_SERVICE_PUBLIC_KEYS must have a key for every process in it', () => {
    expect(SERVICE_GRANTS).toEqual({ 'claim-worker': ['claims:effects'], 'notifications-service': ['documents:write', 'documents:read'], 'payments-service': ['documents:write'] });
    const { 'payments-service': _payments, ...others } = JSON.parse(PUBLIC_KEYS) as Record<string, string>;
    void _payments;
    expect(() => authKeys({ AUTH_JWT_SECRET: STAFF_SECRET, AUTH_SERVICE_PUBLIC_KEYS: JSON.stringify(others) })).toThrow(
      'AUTH_SERVICE_PUBLIC_KEYS has no key for payments-service (every process of SERVICE_GRANTS needs one)',
    );
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
      authKeys({ AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE, AUTH_ROLE_CLAIM: 'roles', AUTH_JWT_SECRET: STAFF_SECRET, AUTH_SERVICE_PUBLIC_KEYS: PUBLIC_KEYS }),
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

  it("service credentials stay with each process's own key", async () => {
    expect(await call('POST', '/internal/effects', await mintServiceToken('claim-worker', ['claims:effects'], ownKey('claim-worker')))).toEqual([201, 'ok']);
    expect(await call('POST', '/internal/effects', await signed('claim-worker', 'claims:effects', staffKey, 'HS256'))).toEqual([
      401,
      'the token is not valid: "alg" (Algorithm) Header Parameter value not allowed',
    ]);
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
      expect([res.status, Object.keys((await res.json()).paths)]).toEqual([200, ['/claims', '/documents', '/documents/{id}/content', '/internal/effects']]);
    } finally {
      await app.close();
    }
  });
});

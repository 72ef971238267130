import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { authKeys, mintServiceToken, mintToken, signingKey, verifyToken } from './auth';
import { ConfigError, baseConfig, kafkaSecurity, loadConfig, serviceCredentialConfig, temporalConfigSchema, temporalConnection } from './config';
import { generateServiceKeys, servicePrivateKey, servicePublicKeys } from './service-credentials';
import { JsonLogger, withLogContext } from './logger';
import { parseOr400 } from './validation';
import { checkAtMostEvery } from './health';

describe('configuration', () => {
  it('names every bad variable', () => {
    expect(() => loadConfig(baseConfig, { DATABASE_URL: 'mysql://x', KAFKA_BROKERS: '' })).toThrow(ConfigError);
    try {
      loadConfig(baseConfig, { DATABASE_URL: 'mysql://x', KAFKA_BROKERS: '' });
    } catch (e) {
      expect((e as Error).message).toContain('DATABASE_URL: must be a postgresql:// URL');
      expect((e as Error).message).toContain('KAFKA_BROKERS: must list host:port pairs');
    }
  });

  const env = { DATABASE_URL: 'postgres://localhost/wc', KAFKA_BROKERS: '127.0.0.1:9092' };

  it('reads process.env itself, the way a service starts', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, env, { DEPLOYMENT: 'local' });
      expect(loadConfig(baseConfig)).toMatchObject(env);
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });
  const problems = (e: NodeJS.ProcessEnv) => {
    try {
      loadConfig(baseConfig.merge(temporalConfigSchema), e);
      return '';
    } catch (err) {
      return (err as Error).message;
    }
  };

  const made = generateServiceKeys();
  const keys = { AUTH_JWT_SECRET: 'k'.repeat(40), AUTH_SERVICE_PUBLIC_KEYS: made.publicKeys };
  it('outside local use, refuses to start without the signing keys every replica shares', () => {
    expect(problems({ ...env, DEPLOYMENT: 'staging' })).toMatch(/AUTH_JWT_SECRET: is required when DEPLOYMENT is staging[\s\S]*AUTH_SERVICE_PUBLIC_KEYS: is required when DEPLOYMENT is staging/);
    expect(problems({ ...env, DEPLOYMENT: 'staging', ...keys })).toBe('');
    expect(problems(env)).toBe('');
    // The worker signs its own credential only: it needs no staff key and no public keys.
    const worker = z.object({ DEPLOYMENT: z.string().optional(), ...serviceCredentialConfig });
    expect(() => loadConfig(worker, { DEPLOYMENT: 'production' })).toThrow(/^invalid configuration:\n {2}AUTH_SERVICE_PRIVATE_KEY: is required when DEPLOYMENT is production[^\n]*$/);
    const own = made.privateKeys['claim-worker'];
    expect(loadConfig(worker, { DEPLOYMENT: 'production', AUTH_SERVICE_PRIVATE_KEY: own })).toEqual({ DEPLOYMENT: 'production', AUTH_SERVICE_PRIVATE_KEY: own });
    // A service that calls none has no private key to be asked for.
    expect(problems({ ...env, DEPLOYMENT: 'staging', ...keys })).not.toContain('AUTH_SERVICE_PRIVATE_KEY');
  });

  it('service keys: each process its own Ed25519 private key; the public keys of every process, and only public keys', () => {
    const worker = z.object({ ...serviceCredentialConfig });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => loadConfig(worker, { AUTH_SERVICE_PRIVATE_KEY: 'not-a-key' })).toThrow('AUTH_SERVICE_PRIVATE_KEY: is not a private key (a PKCS#8 PEM, or its DER in base64)');
    expect(() => loadConfig(worker, { AUTH_SERVICE_PRIVATE_KEY: rsa })).toThrow('AUTH_SERVICE_PRIVATE_KEY: must be an Ed25519 key, not rsa');
    const pub = JSON.parse(made.publicKeys) as Record<string, string>;
    expect(problems({ ...env, AUTH_SERVICE_PUBLIC_KEYS: '{' })).toContain('AUTH_SERVICE_PUBLIC_KEYS: must be a JSON object, each process name to its public key');
    expect(problems({ ...env, AUTH_SERVICE_PUBLIC_KEYS: JSON.stringify({ ...pub, 'billing-service': pub['claim-worker'] }) })).toContain(
      'AUTH_SERVICE_PUBLIC_KEYS: names "billing-service", which is not one of the platform\'s processes (claim-worker, notifications-service, payments-service)',
    );
    expect(problems({ ...env, AUTH_SERVICE_PUBLIC_KEYS: JSON.stringify({ ...pub, 'claim-worker': made.privateKeys['claim-worker'] }) })).toContain(
      'AUTH_SERVICE_PUBLIC_KEYS: is not a public key for claim-worker (an SPKI PEM, or its DER in base64)',
    );
    const pemPrivate = servicePrivateKey('claim-worker', { AUTH_SERVICE_PRIVATE_KEY: made.privateKeys['claim-worker'] }).export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(problems({ ...env, AUTH_SERVICE_PUBLIC_KEYS: JSON.stringify({ ...pub, 'claim-worker': pemPrivate }) })).toContain(
      'AUTH_SERVICE_PUBLIC_KEYS: holds a private key for claim-worker: give its public key only',
    );
    // PEM or base64 DER alike; outside local use, never the key files.
    const pem = Object.fromEntries(Object.entries(pub).map(([n, k]) => [n, `-----BEGIN PUBLIC KEY-----\n${k}\n-----END PUBLIC KEY-----\n`]));
    expect(problems({ ...env, AUTH_SERVICE_PUBLIC_KEYS: JSON.stringify(pem) })).toBe('');
    expect(() => servicePublicKeys({ DEPLOYMENT: 'production' })).toThrow('AUTH_SERVICE_PUBLIC_KEYS is required when DEPLOYMENT is production');
    expect(() => servicePrivateKey('claim-worker', { DEPLOYMENT: 'production' })).toThrow('AUTH_SERVICE_PRIVATE_KEY is required when DEPLOYMENT is production');
  });

  it("an identity provider's keys in place of the staff secret; the service keys always their own", () => {
    const { AUTH_SERVICE_PUBLIC_KEYS } = keys;
    const idp = { AUTH_JWKS_URL: 'https://login.insurer.example/keys', AUTH_ISSUER: 'https://login.insurer.example/', AUTH_AUDIENCE: 'api://wc-claims', AUTH_ROLE_CLAIM: 'roles' };
    expect(problems({ ...env, DEPLOYMENT: 'production', AUTH_SERVICE_PUBLIC_KEYS, ...idp })).toBe('');
    expect(problems({ ...env, DEPLOYMENT: 'production', AUTH_SERVICE_PUBLIC_KEYS, ...idp, AUTH_JWKS_URL: 'http://login.insurer.example/keys' })).toContain(
      'AUTH_JWKS_URL: must be an https:// URL when DEPLOYMENT is production',
    );
    expect(problems({ ...env, AUTH_ISSUER: 'https://login.insurer.example/' })).toContain('AUTH_ISSUER: is read only with AUTH_JWKS_URL');
    expect(problems({ ...env, AUTH_JWKS_URL: 'login.insurer.example' })).toContain('AUTH_JWKS_URL: must be a URL');
  });

  it('Kafka: SASL needs its user and password, and TLS outside local use', () => {
    expect(problems({ ...env, KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toMatch(/KAFKA_SASL_USERNAME: is required[\s\S]*KAFKA_SASL_PASSWORD: is required/);
    expect(problems({ ...env, KAFKA_SASL_USERNAME: 'u' })).toContain('KAFKA_SASL_MECHANISM: is required');
    const sasl = { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'wc', KAFKA_SASL_PASSWORD: 'p' };
    expect(problems({ ...env, ...sasl, DEPLOYMENT: 'production', ...keys })).toContain('KAFKA_SSL: must be true with SASL');
    expect(problems({ ...env, KAFKA_SASL_MECHANISM: 'gssapi' })).toContain('KAFKA_SASL_MECHANISM: must be plain, scram-sha-256 or scram-sha-512');
    const c = loadConfig(baseConfig, { ...env, ...sasl, KAFKA_SSL: 'true' });
    expect(kafkaSecurity(c)).toEqual({ ssl: true, sasl: { mechanism: 'scram-sha-512', username: 'wc', password: 'p' } });
    expect(kafkaSecurity(loadConfig(baseConfig, env))).toEqual({});
  });

  it('Temporal: TLS with a CA and a client certificate, or an API key (TLS implied); files must exist', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-'));
    for (const f of ['ca.pem', 'crt.pem', 'key.pem']) fs.writeFileSync(path.join(dir, f), `-----${f}-----`);
    expect(problems({ ...env, TEMPORAL_TLS_CERT_FILE: path.join(dir, 'crt.pem') })).toContain('TEMPORAL_TLS_KEY_FILE: TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together');
    expect(problems({ ...env, TEMPORAL_TLS: 'true', TEMPORAL_TLS_CA_FILE: path.join(dir, 'missing.pem') })).toContain(`TEMPORAL_TLS_CA_FILE: no such file: ${path.join(dir, 'missing.pem')}`);
    expect(problems({ ...env, TEMPORAL_TLS: 'yes' })).toContain('TEMPORAL_TLS: must be true or false');
    const mtls = temporalConnection(
      loadConfig(temporalConfigSchema, {
        TEMPORAL_ADDRESS: 'ns.tmprl.cloud:7233',
        TEMPORAL_TLS: 'true',
        TEMPORAL_TLS_CA_FILE: path.join(dir, 'ca.pem'),
        TEMPORAL_TLS_CERT_FILE: path.join(dir, 'crt.pem'),
        TEMPORAL_TLS_KEY_FILE: path.join(dir, 'key.pem'),
        TEMPORAL_TLS_SERVER_NAME: 'ns.tmprl.cloud',
      }),
    );
    expect(mtls.address).toBe('ns.tmprl.cloud:7233');
    expect(mtls.tls?.serverNameOverride).toBe('ns.tmprl.cloud');
    expect(String(mtls.tls?.serverRootCACertificate)).toBe('-----ca.pem-----');
    expect(String(mtls.tls?.clientCertPair?.crt)).toBe('-----crt.pem-----');
    expect(temporalConnection(loadConfig(temporalConfigSchema, { TEMPORAL_API_KEY: 'key' }))).toEqual({ address: '127.0.0.1:7233', tls: {}, apiKey: 'key' });
    expect(temporalConnection(loadConfig(temporalConfigSchema, {}))).toEqual({ address: '127.0.0.1:7233' });
  });
});

describe('staff tokens', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keys-'));
  const key = signingKey({ AUTH_KEY_FILE: path.join(dir, 'k') });
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-'));
  const svc = servicePrivateKey('claim-worker', {}, repo);
  const keys = { staff: { key, algorithms: ['HS256'], issuer: 'wc-claims', audience: 'wc-claims-staff-api', roleClaim: 'role' }, service: servicePublicKeys({}, repo) };

  it('generates a key file once and reuses it', () => {
    expect(Buffer.from(signingKey({ AUTH_KEY_FILE: path.join(dir, 'k') })).equals(Buffer.from(key))).toBe(true);
    expect(fs.statSync(path.join(dir, 'k')).mode & 0o777).toBe(0o600);
    expect(servicePrivateKey('claim-worker', {}, repo).equals(svc)).toBe(true);
    expect(fs.statSync(path.join(repo, '.data', 'keys', 'service-claim-worker.pem')).mode & 0o777).toBe(0o600);
  });

  // Local use: each process makes its key pair on first use; a service reads the public halves only, and makes none.
  it('generates the staff key and each process its own key pair, in .data/keys', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-'));
    const generated = authKeys({}, root);
    expect(fs.readdirSync(path.join(root, '.data', 'keys')).sort()).toEqual(['jwt-hs256.key']);
    const worker = servicePrivateKey('claim-worker', {}, root);
    const notifications = servicePrivateKey('notifications-service', {}, root);
    expect(fs.readdirSync(path.join(root, '.data', 'keys')).sort()).toEqual([
      'jwt-hs256.key',
      'service-claim-worker.pem',
      'service-claim-worker.pub.pem',
      'service-notifications-service.pem',
      'service-notifications-service.pub.pem',
    ]);
    expect(worker.equals(notifications)).toBe(false);
    const t = await mintServiceToken('claim-worker', ['claims:effects'], worker);
    await expect(verifyToken(t, generated)).resolves.toEqual({ user: 'claim-worker', role: 'service', scopes: ['claims:effects'] });
    await expect(verifyToken(await mintServiceToken('claim-worker', ['claims:effects'], notifications), generated)).rejects.toThrow('signature verification failed');
    // Payments has not run here: no key of its own, so nothing claiming to be it is accepted.
    const stranger = generateKeyPairSync('ed25519').privateKey;
    await expect(verifyToken(await mintServiceToken('payments-service', ['documents:write'], stranger), generated)).rejects.toThrow(
      `no public key for payments-service (${path.join(root, '.data', 'keys', 'service-payments-service.pub.pem')}): it has not made its key yet`,
    );
    // A key made again (.data cleared) is the one checked from then on, without a restart.
    fs.rmSync(path.join(root, '.data', 'keys', 'service-claim-worker.pem'));
    const again = servicePrivateKey('claim-worker', {}, root);
    expect(again.equals(worker)).toBe(false);
    await expect(verifyToken(t, generated)).rejects.toThrow('signature verification failed');
    await expect(verifyToken(await mintServiceToken('claim-worker', ['claims:effects'], again), generated)).resolves.toMatchObject({ user: 'claim-worker' });
  });

  it('mints and verifies a token with a role', async () => {
    const t = await mintToken({ user: 'alex', role: 'team-leader' }, key);
    await expect(verifyToken(t, keys)).resolves.toEqual({ user: 'alex', role: 'team-leader' });
  });

  it('refuses a token signed with another key, and unknown roles', async () => {
    const other = new TextEncoder().encode('x'.repeat(48));
    await expect(verifyToken(await mintToken({ user: 'a', role: 'admin' }, other), keys)).rejects.toThrow(/signature/);
    await expect(mintToken({ user: 'a', role: 'boss' as never }, key)).rejects.toThrow(/role must be one of/);
  });

  // Issue 14: a staff token without an expiry never expired; one made to live for days was as good.
  const raw = (claims: Record<string, unknown>, build: (j: SignJWT) => SignJWT, signer = key) =>
    build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('alex').setIssuer('wc-claims')).sign(signer);
  it('refuses a staff token without an expiry or made to live more than 12 hours', async () => {
    const noExpiry = await raw({ role: 'admin' }, (j) => j.setAudience('wc-claims-staff-api').setIssuedAt());
    await expect(verifyToken(noExpiry, keys)).rejects.toThrow(/"exp" claim/);
    const forDays = await raw({ role: 'admin' }, (j) => j.setAudience('wc-claims-staff-api').setIssuedAt().setExpirationTime('72h'));
    await expect(verifyToken(forDays, keys)).rejects.toThrow('a staff token may live at most 12 hours');
    await expect(mintToken({ user: 'a', role: 'admin' }, key, 13 * 3600)).rejects.toThrow('a staff token lives at most 12 hours');
  });

  it("a service's credential names the service and its scopes, is for the internal audience and lives at most an hour", async () => {
    const t = await mintServiceToken('claim-worker', ['claims:effects'], svc);
    await expect(verifyToken(t, keys)).resolves.toEqual({ user: 'claim-worker', role: 'service', scopes: ['claims:effects'] });
    await expect(mintServiceToken('claim-worker', ['claims:effects'], svc, 2 * 3600)).rejects.toThrow(/at most 3600 s/);
    await expect(mintServiceToken('claim-worker', ['admin' as never], svc)).rejects.toThrow(/scopes must be some of/);
    const long = await new SignJWT({ scope: 'claims:effects' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('claim-worker')
      .setIssuer('wc-claims')
      .setAudience('wc-claims-internal')
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(svc);
    await expect(verifyToken(long, keys)).rejects.toThrow('a service token may live at most 3600 s');
  });
});

describe('JSON logs', () => {
  it('carry the claim id of the context', () => {
    const lines: string[] = [];
    const log = new JsonLogger('claims', 'info', (l) => lines.push(l));
    withLogContext({ claimId: 'c-1' }, () => log.info('triaged', { classification: 'significant' }));
    log.debug('hidden');
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'info', service: 'claims', msg: 'triaged', claimId: 'c-1', classification: 'significant' });
    expect(lines).toHaveLength(1);
  });

  it("can be read as they are written (a tap), at a level of the reader's choosing", () => {
    const log = new JsonLogger('claims', 'warn', () => undefined);
    const seen: string[] = [];
    const stop = log.tap((l) => seen.push(JSON.parse(l).msg), 'debug');
    log.debug('one');
    stop();
    log.warn('two');
    expect(seen).toEqual(['one']);
  });

  it('never carry health information or credentials, however they are nested', () => {
    const lines: string[] = [];
    const log = new JsonLogger('claims', 'info', (l) => lines.push(l));
    log.info('notified', {
      claimNumber: 'WC-1',
      injury: { nature: 'fracture', bodyLocation: 'left wrist' },
      data: { worker: { givenName: 'Li' }, injury: { nature: 'fracture' } },
      headers: { authorization: 'Bearer abc' },
      token: 'abc',
    });
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({
      claimNumber: 'WC-1',
      injury: '[redacted]',
      data: { worker: { givenName: 'Li' }, injury: '[redacted]' },
      headers: { authorization: '[redacted]' },
      token: '[redacted]',
    });
    expect(lines[0]).not.toMatch(/fracture|wrist|abc/);
  });
});

describe('validation', () => {
  it('answers 400 naming each field', () => {
    const schema = z.object({ a: z.string(), b: z.object({ c: z.number() }) }).strict();
    try {
      parseOr400(schema, { b: { c: 'x' }, d: 1 });
      throw new Error('not refused');
    } catch (e) {
      const body = (e as { getResponse(): { problems: unknown[] } }).getResponse();
      expect(body.problems).toEqual([
        { field: 'a', problem: 'is required' },
        { field: 'b.c', problem: 'must be number, got string' },
        { field: '(root)', problem: 'unknown field: d' },
      ]);
    }
  });
});

describe('a costly health check', () => {
  it('runs at most once per interval while it succeeds, and shares a run between concurrent probes', async () => {
    let t = 0;
    let runs = 0;
    const check = checkAtMostEvery(
      30_000,
      async () => void runs++,
      () => t,
    );
    await Promise.all([check(), check(), check()]);
    expect(runs).toBe(1);
    t = 29_999;
    await check();
    expect(runs).toBe(1);
    t = 30_000;
    await check();
    expect(runs).toBe(2);
  });

  it('checks again at the next probe after a failure, so a recovery shows at once', async () => {
    let t = 0;
    let up = false;
    let runs = 0;
    const check = checkAtMostEvery(
      30_000,
      async () => {
        runs++;
        if (!up) throw new Error('connection refused');
      },
      () => t,
    );
    await expect(check()).rejects.toThrow('connection refused');
    t = 1;
    await expect(check()).rejects.toThrow('connection refused');
    up = true;
    t = 2;
    await expect(check()).resolves.toBeUndefined();
    await check();
    expect(runs).toBe(3);
  });
});

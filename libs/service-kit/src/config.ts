import * as fs from 'node:fs';
import { z } from 'zod';
import { parsePrivateKey, parsePublicKeys } from './service-credentials';

export class ConfigError extends Error {}

/** Where a service runs. Anything but `local` refuses development defaults (issue 18: deployment). */
export const DEPLOYMENTS = ['local', 'staging', 'production'] as const;
export type Deployment = (typeof DEPLOYMENTS)[number];

export const RESPONSE_CONTRACT_MODES = ['enforce', 'report', 'off'] as const;
export type ResponseContractMode = (typeof RESPONSE_CONTRACT_MODES)[number];

const flag = (name: string) => z.enum(['true', 'false'], { error: `must be true or false (${name})` }).default('false');
/** A setting `parse` reads, refused at start with what `parse` says is wrong with it. */
const parsedBy = (parse: (text: string) => unknown) =>
  z.string().superRefine((text, ctx) => {
    try {
      parse(text);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
  });

/**
 * A process that calls another one signs its own credential (issue 14): its private key, this
 * process's and no other's (service-credentials.ts). Only the processes that call another have it
 * (the worker, notifications, payments); outside local use they refuse to start without it.
 */
export const serviceCredentialConfig = {
  AUTH_SERVICE_PRIVATE_KEY: parsedBy(parsePrivateKey).optional(),
};
const file = z.string().min(1, 'must be a file path');

/**
 * Reads a service's settings from the environment and refuses to start on a bad one, naming each
 * variable and what is wrong (an IT team should never have to read a stack trace to fix a setting).
 * The platform's own rules (platformRules) are checked for every service.
 */
export function loadConfig<T extends z.ZodTypeAny>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  // A plain copy: zod 4 takes process.env (not a plain object) for no record at all.
  const vars: Record<string, string | undefined> = { ...env };
  const r = schema.safeParse(vars);
  // The platform's rules read the variables as given, apart from the schema: a setting the schema
  // refuses must not hide another that a rule refuses (an operator fixes them all in one go).
  const reads = variablesOf(schema);
  const rules = z
    .record(z.string(), z.string().optional())
    .superRefine((c, ctx) => platformRules({ DEPLOYMENT: 'local', ...c }, ctx, reads))
    .safeParse(vars);
  const issues = [...(r.success ? [] : r.error.issues), ...(rules.success ? [] : rules.error.issues)];
  if (issues.length === 0 && r.success) return r.data;
  const lines = [...new Set(issues.map((i) => `  ${i.path.join('.')}: ${i.message}`))];
  throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
}

/** The variables a schema reads (its object's keys, under any transform); undefined when it is not an object. */
function variablesOf(schema: z.ZodTypeAny): Set<string> | undefined {
  let s = schema as unknown as { _def?: { type?: string; in?: unknown }; shape?: Record<string, unknown> };
  while (s?._def?.type === 'pipe') s = s._def.in as typeof s;
  return s?.shape ? new Set(Object.keys(s.shape)) : undefined;
}

/** Settings every service has. */
export const baseConfig = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  KAFKA_BROKERS: z.string().min(1, 'must list host:port pairs, comma-separated'),
  /** TLS to the brokers; KAFKA_SSL_CA_FILE when their certificate is not from a public CA. */
  KAFKA_SSL: flag('KAFKA_SSL'),
  KAFKA_SSL_CA_FILE: file.optional(),
  /** SASL authentication to the brokers (a managed Kafka); the password comes from a Secret. */
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512'], { error: 'must be plain, scram-sha-256 or scram-sha-512' }).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  /**
   * How long Kafka waits for a process of this service that stopped answering before its partitions
   * go to another (a process restarted after a crash waits this long to consume). The broker's
   * group.min.session.timeout.ms (6 s by default) is the least it takes.
   */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000, 'must be at least 6000').max(300_000, 'must be at most 300000').default(30_000),
  HOST: z.string().default('127.0.0.1'),
  /** Staff tokens signed with the development secret (HS256, `claimctl token`): unused with AUTH_JWKS_URL. */
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_KEY_FILE: z.string().optional(),
  /**
   * Service credentials (issue 14): the public key of each process that calls another (a JSON
   * object, process name to key), each process's credentials checked with its own key only.
   */
  AUTH_SERVICE_PUBLIC_KEYS: parsedBy(parsePublicKeys).optional(),
  /**
   * Staff tokens from the insurer's identity provider: its published keys (RS256 or ES256); the
   * development secret is then refused for staff tokens. The issuer and audience its tokens carry
   * and the claim with the role default to wc-claims, wc-claims-staff-api and role.
   */
  AUTH_JWKS_URL: z.string().url('must be a URL, e.g. https://login.example.org/.well-known/jwks.json').optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  AUTH_ROLE_CLAIM: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /**
   * `local` (npm start, the tests) may fall back on development defaults (a generated signing key,
   * the placeholder bank remitter, the development insurer); staging and production must be given
   * every one of them, so nothing development-only reaches a worker or a bank.
   */
  DEPLOYMENT: z.enum(DEPLOYMENTS, { error: 'must be local, staging or production' }).default('local'),
  /**
   * What a service does with an answer that breaks its documented contract (api-contract.ts):
   * `enforce` (500), `report` (logged and counted, answered as is) or `off`. Unset: `enforce` in
   * local use and the tests, `report` elsewhere.
   */
  RESPONSE_CONTRACT: z.enum(RESPONSE_CONTRACT_MODES, { error: `must be one of ${RESPONSE_CONTRACT_MODES.join(', ')}` }).optional(),
  /** Traces go to this OpenTelemetry collector (OTLP over HTTP); unset, no trace is exported. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url('must be a URL, e.g. http://otel-collector:4318').optional(),
});
export type BaseConfig = z.infer<typeof baseConfig>;

/** Temporal's settings, for the services and the worker that talk to it. */
export const temporalConfig = {
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  /** TLS to the frontend (Temporal Cloud or a secured cluster); implied by TEMPORAL_API_KEY. */
  TEMPORAL_TLS: flag('TEMPORAL_TLS'),
  TEMPORAL_TLS_CA_FILE: file.optional(),
  /** mTLS: the client certificate and its key, both or neither. */
  TEMPORAL_TLS_CERT_FILE: file.optional(),
  TEMPORAL_TLS_KEY_FILE: file.optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  /** Temporal Cloud API key (sent as a bearer token over TLS). */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
};
export const temporalConfigSchema = z.object(temporalConfig);
export type TemporalConfig = z.infer<typeof temporalConfigSchema>;

/**
 * Rules across settings that hold for every service: outside local use the keys a process reads
 * must be given (a generated one would differ per pod); SASL has its user and password and travels
 * over TLS, a client certificate comes with its key. `reads`: the variables the process's schema
 * has (the worker reads no staff key and no public keys; only the processes that call another have
 * a private key); unknown, all rules but the private key's.
 */
export function platformRules(c: Record<string, unknown>, ctx: z.RefinementCtx, reads?: Set<string>): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const outside = c.DEPLOYMENT !== undefined && c.DEPLOYMENT !== 'local';
  const staffKey = !reads || reads.has('AUTH_JWT_SECRET');
  if (outside && staffKey && !c.AUTH_JWT_SECRET && !c.AUTH_KEY_FILE && !c.AUTH_JWKS_URL)
    issue(
      'AUTH_JWT_SECRET',
      `is required when DEPLOYMENT is ${c.DEPLOYMENT} (or AUTH_KEY_FILE, or AUTH_JWKS_URL for an identity provider's keys): every replica must verify staff tokens with the same key`,
    );
  if (outside && (!reads || reads.has('AUTH_SERVICE_PUBLIC_KEYS')) && !c.AUTH_SERVICE_PUBLIC_KEYS)
    issue('AUTH_SERVICE_PUBLIC_KEYS', `is required when DEPLOYMENT is ${c.DEPLOYMENT}: the public key of each process, which its credentials are checked with`);
  if (outside && reads?.has('AUTH_SERVICE_PRIVATE_KEY') && !c.AUTH_SERVICE_PRIVATE_KEY)
    issue('AUTH_SERVICE_PRIVATE_KEY', `is required when DEPLOYMENT is ${c.DEPLOYMENT}: this process's own key, which it signs its credential with`);
  if (staffKey && !c.AUTH_JWKS_URL)
    for (const k of ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_ROLE_CLAIM'])
      if (c[k]) issue(k, 'is read only with AUTH_JWKS_URL (without it, staff tokens are the development ones, signed with AUTH_JWT_SECRET)');
  // The keys that decide who is staff must not be open to anyone on the path to the provider.
  if (outside && typeof c.AUTH_JWKS_URL === 'string' && !c.AUTH_JWKS_URL.startsWith('https://')) issue('AUTH_JWKS_URL', `must be an https:// URL when DEPLOYMENT is ${c.DEPLOYMENT}`);
  if (c.KAFKA_SASL_MECHANISM) {
    if (!c.KAFKA_SASL_USERNAME) issue('KAFKA_SASL_USERNAME', 'is required with KAFKA_SASL_MECHANISM');
    if (!c.KAFKA_SASL_PASSWORD) issue('KAFKA_SASL_PASSWORD', 'is required with KAFKA_SASL_MECHANISM');
    if (outside && c.KAFKA_SSL !== 'true') issue('KAFKA_SSL', `must be true with SASL when DEPLOYMENT is ${c.DEPLOYMENT} (the password would cross the network in clear)`);
  } else if (c.KAFKA_SASL_USERNAME || c.KAFKA_SASL_PASSWORD) issue('KAFKA_SASL_MECHANISM', 'is required when KAFKA_SASL_USERNAME or KAFKA_SASL_PASSWORD is set');
  if (Boolean(c.TEMPORAL_TLS_CERT_FILE) !== Boolean(c.TEMPORAL_TLS_KEY_FILE))
    issue(c.TEMPORAL_TLS_CERT_FILE ? 'TEMPORAL_TLS_KEY_FILE' : 'TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together (mTLS)');
  for (const k of ['KAFKA_SSL_CA_FILE', 'TEMPORAL_TLS_CA_FILE', 'TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS_KEY_FILE'])
    if (typeof c[k] === 'string' && !fs.existsSync(c[k] as string)) issue(k, `no such file: ${c[k]}`);
}

/**
 * Development defaults that only `local` may use: outside it each key must be set, and the message
 * says why it matters (`why`). Apply to a service's schema after `extend`.
 */
export function localDefaults<T extends z.ZodTypeAny, D extends Record<string, string>>(schema: T, defaults: D, why: string) {
  return schema.transform((c: z.infer<T>, ctx) => {
    const out = { ...(c as Record<string, unknown>) };
    for (const [k, v] of Object.entries(defaults)) {
      if (out[k] !== undefined) continue;
      if (out.DEPLOYMENT === 'local' || out.DEPLOYMENT === undefined) out[k] = v;
      else ctx.addIssue({ code: 'custom', path: [k], message: `is required when DEPLOYMENT is ${String(out.DEPLOYMENT)} (${why})` });
    }
    return out as z.infer<T> & { [K in keyof D]: string };
  });
}

export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** kafkajs' `ssl` and `sasl` options from the settings. */
export function kafkaSecurity(c: Pick<BaseConfig, 'KAFKA_SSL' | 'KAFKA_SSL_CA_FILE' | 'KAFKA_SASL_MECHANISM' | 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD'>) {
  const ssl = c.KAFKA_SSL === 'true' ? (c.KAFKA_SSL_CA_FILE ? { ca: [fs.readFileSync(c.KAFKA_SSL_CA_FILE, 'utf8')] } : true) : undefined;
  const sasl = c.KAFKA_SASL_MECHANISM ? { mechanism: c.KAFKA_SASL_MECHANISM, username: c.KAFKA_SASL_USERNAME ?? '', password: c.KAFKA_SASL_PASSWORD ?? '' } : undefined;
  return { ...(ssl && { ssl }), ...(sasl && { sasl }) } as { ssl?: true | { ca: string[] }; sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string } };
}

/**
 * The Temporal connection options (address, TLS, API key) for Connection.connect and
 * NativeConnection.connect alike: TLS when asked for, with a CA, a client certificate (mTLS) or an
 * API key (Temporal Cloud, where TLS is implied).
 */
export function temporalConnection(c: TemporalConfig) {
  const tlsWanted = c.TEMPORAL_TLS === 'true' || Boolean(c.TEMPORAL_API_KEY) || Boolean(c.TEMPORAL_TLS_CERT_FILE);
  const tls = !tlsWanted
    ? undefined
    : {
        ...(c.TEMPORAL_TLS_SERVER_NAME && { serverNameOverride: c.TEMPORAL_TLS_SERVER_NAME }),
        ...(c.TEMPORAL_TLS_CA_FILE && { serverRootCACertificate: fs.readFileSync(c.TEMPORAL_TLS_CA_FILE) }),
        ...(c.TEMPORAL_TLS_CERT_FILE && c.TEMPORAL_TLS_KEY_FILE && { clientCertPair: { crt: fs.readFileSync(c.TEMPORAL_TLS_CERT_FILE), key: fs.readFileSync(c.TEMPORAL_TLS_KEY_FILE) } }),
      };
  return { address: c.TEMPORAL_ADDRESS, ...(tls && { tls }), ...(c.TEMPORAL_API_KEY && { apiKey: c.TEMPORAL_API_KEY }) };
}

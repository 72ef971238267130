import { z } from 'zod';
import { ConfigError, DEPLOYMENTS, port } from '@wc/service-kit';
import { SERVICES, type ServiceUrls } from './proxy';

/** Where the console passes /api/<service>/… on: plain HTTP inside the deployment (the proxy speaks nothing else). */
const serviceUrl = (name: string, fallback: number) =>
  z
    .string()
    .regex(/^http:\/\/[^/?#\s]+\/?$/, `must be the service's http:// address, e.g. http://${name}:${fallback}`)
    .default(`http://127.0.0.1:${fallback}`);

/**
 * What `node apps/console/server/dist/server.js` reads (the containers run that; `npm start` starts
 * the console itself, with the platform's addresses). Each service's address defaults to its usual
 * port on this machine. The development key (AUTH_JWT_SECRET, else the file AUTH_KEY_FILE, else
 * .data/keys/jwt-hs256.key) and AUTH_JWKS_URL are read by signInFor (sign-in.ts).
 */
export const consoleConfig = z.object({
  CONSOLE_HOST: z.string().min(1).default('127.0.0.1'),
  CONSOLE_PORT: port(3000),
  CLAIMS_SERVICE_URL: serviceUrl('claims', 3001),
  DOCUMENTS_SERVICE_URL: serviceUrl('documents', 3002),
  NOTIFICATIONS_SERVICE_URL: serviceUrl('notifications', 3003),
  PAYMENTS_SERVICE_URL: serviceUrl('payments', 3004),
  DEPLOYMENT: z.enum(DEPLOYMENTS, { error: 'must be local, staging or production' }).default('local'),
  /** The services' development staff key: the console signs development tokens with it (local use only). */
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_KEY_FILE: z.string().min(1).optional(),
  /** Set when the services take the identity provider's tokens: then the console offers no development sign-in. */
  AUTH_JWKS_URL: z.string().url('must be a URL, e.g. https://login.example.org/.well-known/jwks.json').optional(),
  /**
   * The insurer's OpenID Connect provider (its issuer, where /.well-known/openid-configuration is)
   * and the console's client there (public: no secret; redirect URI <console>/signed-in): staff sign
   * in there (authorization code with PKCE). The services must take its tokens (AUTH_JWKS_URL,
   * AUTH_ISSUER, AUTH_AUDIENCE, AUTH_ROLE_CLAIM).
   */
  OIDC_ISSUER: z.string().url('must be a URL, e.g. https://login.example.org/realms/insurer').optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** The scopes asked for (default `openid profile`). */
  OIDC_SCOPE: z.string().min(1).optional(),
  /** The staff API's audience, sent as `resource` (RFC 8707) to providers that issue a JWT for it only when asked. */
  OIDC_RESOURCE: z.string().min(1).optional(),
  /** The access token's claim with the platform role (the services' setting of the same name; default `role`). */
  AUTH_ROLE_CLAIM: z.string().min(1).optional(),
});
export type ConsoleConfig = z.infer<typeof consoleConfig>;

/**
 * Why the console does not run outside local use without an identity provider: its other sign-in
 * is the development one, which staging and production must never offer. Refusing to start says so
 * where a console offering no way of signing in would not.
 */
export const OUTSIDE_LOCAL_USE = "outside local use staff sign in with the insurer's identity provider (development identities are for DEPLOYMENT=local only)";

/**
 * The console's settings from the environment, or a ConfigError naming each bad one, as the
 * services' loadConfig words it. Outside local use it refuses to start (OUTSIDE_LOCAL_USE).
 */
export function loadConsoleConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  const r = consoleConfig.safeParse({ ...env });
  const issues = r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const deployment = env.DEPLOYMENT ?? 'local';
  const outside = deployment !== 'local' && (DEPLOYMENTS as readonly string[]).includes(deployment);
  // Each setting the provider needs is named, as the services name what they require outside local use.
  if (outside)
    for (const name of ['OIDC_ISSUER', 'OIDC_CLIENT_ID'] as const) if (!env[name]) issues.push({ path: name, message: `is required when DEPLOYMENT is ${deployment}: ${OUTSIDE_LOCAL_USE}` });
  if (!outside && Boolean(env.OIDC_ISSUER) !== Boolean(env.OIDC_CLIENT_ID))
    issues.push({ path: env.OIDC_ISSUER ? 'OIDC_CLIENT_ID' : 'OIDC_ISSUER', message: 'OIDC_ISSUER and OIDC_CLIENT_ID go together' });
  // The sign-in page and the token travel to the provider: never in clear outside local use.
  if (outside && env.OIDC_ISSUER && !env.OIDC_ISSUER.startsWith('https://')) issues.push({ path: 'OIDC_ISSUER', message: `must be an https:// URL when DEPLOYMENT is ${deployment}` });
  if (r.success && issues.length === 0) return r.data;
  throw new ConfigError(`invalid configuration:\n${[...new Set(issues.map((i) => `  ${i.path}: ${i.message}`))].join('\n')}`);
}

/** Each service's address, as the proxy takes them. */
export function serviceUrlsOf(c: ConsoleConfig): ServiceUrls {
  return Object.fromEntries(SERVICES.map((s) => [s, c[`${s.toUpperCase()}_SERVICE_URL` as `${Uppercase<typeof s>}_SERVICE_URL`]])) as ServiceUrls;
}

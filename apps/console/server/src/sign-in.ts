import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROLES, type Role, mintToken, signingKey } from '@wc/service-kit';
import { readJson, sendJson } from './http';

/**
 * How the console signs staff in, as its single-page app learns it from GET /auth/config. The app
 * only ever needs an access token the services take (a bearer JWT with `sub` and `role`): in local
 * use the development identities mint one here, as `claimctl token` does; with the insurer's
 * OpenID Connect provider (AUTH_JWKS_URL on the services) the app will get it from the provider
 * itself (authorization code with PKCE, a public client), and this server mints nothing.
 */
export type SignInConfig =
  | { provider: 'development'; roles: readonly Role[] }
  | { provider: 'oidc'; issuer: string; clientId: string; scope: string; resource?: string; roleClaim: string }
  | { provider: 'none'; reason: string };

export interface SignInProvider {
  config(): SignInConfig;
  /** Answers the provider's own routes under /auth/; false when the request is not one of them. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

/**
 * The insurer's OpenID Connect provider when OIDC_ISSUER is set (the app signs in there: oidc.ts);
 * else development identities, only where the services take development tokens: local use, no
 * identity provider.
 */
export function signInFor(env: NodeJS.ProcessEnv): SignInProvider {
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID) return oidcSignIn(env);
  if ((env.DEPLOYMENT ?? 'local') !== 'local') return noSignIn(`development sign-in is for local use only (DEPLOYMENT is ${env.DEPLOYMENT})`);
  if (env.AUTH_JWKS_URL) return noSignIn('the services take tokens from the identity provider (AUTH_JWKS_URL): development sign-in would mint tokens they refuse');
  return developmentSignIn(signingKey(env));
}

/** The app signs in at the provider itself (a public client with PKCE): this server only says where, and mints nothing. */
function oidcSignIn(env: NodeJS.ProcessEnv): SignInProvider {
  const config: SignInConfig = {
    provider: 'oidc',
    issuer: env.OIDC_ISSUER!,
    clientId: env.OIDC_CLIENT_ID!,
    scope: env.OIDC_SCOPE || 'openid profile',
    ...(env.OIDC_RESOURCE && { resource: env.OIDC_RESOURCE }),
    roleClaim: env.AUTH_ROLE_CLAIM || 'role',
  };
  return { config: () => config, handle: async () => false };
}

function noSignIn(reason: string): SignInProvider {
  return { config: () => ({ provider: 'none', reason }), handle: async () => false };
}

/** The longest a console session lasts: a working day, well inside the services' 12-hour limit. */
const SESSION_SECONDS = 10 * 3600;

/** POST /auth/development/token {role, user}: a development token, as `claimctl token --role R --user U`. */
export function developmentSignIn(key: Uint8Array): SignInProvider {
  return {
    config: () => ({ provider: 'development', roles: ROLES }),
    async handle(req, res) {
      if (req.url !== '/auth/development/token') return false;
      if (req.method !== 'POST') {
        sendJson(res, 405, { statusCode: 405, error: 'Method Not Allowed', message: 'POST a role and a user' }, { allow: 'POST' });
        return true;
      }
      const body = await readJson(req, 4096);
      const problems = problemsOf(body);
      if (problems.length) {
        // The services' own shape for a bad body: `problems`, one per field.
        sendJson(res, 400, { statusCode: 400, error: 'Bad Request', message: 'invalid request body', problems });
        return true;
      }
      const { role, user } = body as { role: Role; user: string };
      const accessToken = await mintToken({ role, user: user.trim() }, key, SESSION_SECONDS);
      sendJson(res, 200, { accessToken, user: user.trim(), role, expiresAt: new Date(Date.now() + SESSION_SECONDS * 1000).toISOString() });
      return true;
    },
  };
}

function problemsOf(body: unknown): { field: string; problem: string }[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [{ field: '(body)', problem: 'must be a JSON object with role and user' }];
  const { role, user } = body as Record<string, unknown>;
  const problems: { field: string; problem: string }[] = [];
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) problems.push({ field: 'role', problem: `must be one of ${ROLES.join(', ')}` });
  // The services' user names (cm.sam, tl.jo): what a token's `sub` holds and a claim's assignment names.
  if (typeof user !== 'string' || !user.trim()) problems.push({ field: 'user', problem: 'must not be empty' });
  else if (!/^[A-Za-z0-9._@-]{1,64}$/.test(user.trim())) problems.push({ field: 'user', problem: 'must be a user name: letters, digits and . _ @ - (at most 64)' });
  return problems;
}

import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata, UnauthorizedException, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { KeyObject } from 'node:crypto';
import { type JWTPayload, type JWTVerifyGetKey, SignJWT, createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { addLogContext } from './logger';
import { SERVICE_GRANTS, SERVICE_SCOPES, type ServiceName, type ServicePublicKeys, type ServiceScope, grantedScopes, isServiceName, servicePublicKeys } from './service-credentials';

/**
 * Who may do what: the insurer's staff roles. A privacy officer answers access requests and audits
 * who read health information (program 11); an administrator administers and reads no claim.
 */
export const ROLES = ['case-manager', 'team-leader', 'payments-officer', 'reviewer', 'privacy-officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who made a request: a member of staff with a role, or one of the platform's own processes
 * (`role: 'service'`, its name as `user`) acting with the scopes its credential grants.
 */
export interface StaffUser {
  user: string;
  role: Role | 'service';
  scopes?: ServiceScope[];
}

const ISSUER = 'wc-claims';
const AUDIENCE = 'wc-claims-staff-api';
/** Service credentials are for another audience: a staff route never takes one as a staff token, nor an internal route a staff token. */
const INTERNAL_AUDIENCE = 'wc-claims-internal';
/** A staff token must expire, within a working day (issue 14: a token without an expiry never expired). */
export const MAX_STAFF_TOKEN_SECONDS = 12 * 3600;
/** A service mints its own short-lived credential and renews it. */
export const MAX_SERVICE_TOKEN_SECONDS = 3600;
/** Service credentials are signed with each process's own Ed25519 key (service-credentials.ts). */
const SERVICE_ALGORITHM = 'EdDSA';

/**
 * The staff signing key, for development tokens (`claimctl token`): AUTH_JWT_SECRET, or a key file
 * the project generates on first use (`.data/keys/jwt-hs256.key` by default) so local development
 * needs no set-up. With an identity provider (AUTH_JWKS_URL) the services never read it.
 */
export function signingKey(env: NodeJS.ProcessEnv = process.env, repoRoot = path.resolve(__dirname, '..', '..', '..')): Uint8Array {
  return secretOrKeyFile(env.AUTH_JWT_SECRET, env.AUTH_KEY_FILE ?? path.join(repoRoot, '.data', 'keys', 'jwt-hs256.key'));
}

function secretOrKeyFile(secret: string | undefined, file: string): Uint8Array {
  if (secret) return new TextEncoder().encode(secret);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // wx: two services starting together must not overwrite each other's fresh key.
    try {
      fs.writeFileSync(file, randomBytes(48).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return new TextEncoder().encode(fs.readFileSync(file, 'utf8').trim());
}

/** How staff tokens are checked: with the development secret (HS256), or with an identity provider's published keys. */
export interface StaffTokenCheck {
  key: Uint8Array | JWTVerifyGetKey;
  algorithms: string[];
  issuer: string;
  audience: string;
  /** The claim carrying the role: a role, or a list holding exactly one (an identity provider's `roles`). */
  roleClaim: string;
}

/**
 * What a service checks bearer tokens with: staff tokens their way; a service credential with the
 * public key of the process it names only (service-credentials.ts), never the staff key.
 */
export interface AuthKeys {
  staff: StaffTokenCheck;
  service: ServicePublicKeys;
}

/**
 * The keys from the settings. With AUTH_JWKS_URL staff tokens are the identity provider's, signed
 * RS256 or ES256 with a key from its JWKS (fetched when first needed, cached, fetched again for an
 * unknown `kid`), for AUTH_ISSUER and AUTH_AUDIENCE, the role in AUTH_ROLE_CLAIM; the development
 * secret is then refused for them (HS256 is not among the algorithms). Without it, the development
 * secret (signingKey), as `claimctl token` signs them. Service credentials: each process's public
 * key (servicePublicKeys: AUTH_SERVICE_PUBLIC_KEYS, or in local use `.data/keys`). Called once per
 * process: the JWKS cache lives in what it returns.
 */
export function authKeys(env: NodeJS.ProcessEnv = process.env, repoRoot = path.resolve(__dirname, '..', '..', '..')): AuthKeys {
  const service = servicePublicKeys(env, repoRoot);
  if (env.AUTH_JWKS_URL) {
    const audience = env.AUTH_AUDIENCE || AUDIENCE;
    // Service credentials are told apart by their audience: a staff token for it would be checked as one.
    if (audience === INTERNAL_AUDIENCE) throw new Error(`AUTH_AUDIENCE must not be ${INTERNAL_AUDIENCE}, the service credentials' audience`);
    const jwks = createRemoteJWKSet(new URL(env.AUTH_JWKS_URL));
    return { service, staff: { key: jwks, algorithms: ['RS256', 'ES256'], issuer: env.AUTH_ISSUER || ISSUER, audience, roleClaim: env.AUTH_ROLE_CLAIM || 'role' } };
  }
  const key = signingKey(env, repoRoot);
  return { service, staff: { key, algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, roleClaim: 'role' } };
}

/** A development token (`claimctl token`); production tokens come from the insurer's identity provider. */
export async function mintToken(who: { user: string; role: Role }, key: Uint8Array, ttlSeconds = 8 * 3600): Promise<string> {
  if (!ROLES.includes(who.role)) throw new RangeError(`role must be one of ${ROLES.join(', ')}`);
  if (!who.user.trim()) throw new RangeError('user must not be empty');
  if (!(ttlSeconds > 0 && ttlSeconds <= MAX_STAFF_TOKEN_SECONDS)) throw new RangeError(`a staff token lives at most ${MAX_STAFF_TOKEN_SECONDS / 3600} hours`);
  return new SignJWT({ role: who.role }).setProtectedHeader({ alg: 'HS256' }).setSubject(who.user).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime(`${ttlSeconds}s`).sign(key);
}

/**
 * A process's own credential: its name and the scopes it needs (some of those SERVICE_GRANTS gives
 * it), short-lived, signed with its own private key (servicePrivateKey), its name as the key id.
 */
export async function mintServiceToken(service: ServiceName, scopes: readonly ServiceScope[], key: KeyObject, ttlSeconds = 15 * 60): Promise<string> {
  if (!isServiceName(service)) throw new RangeError(`${String(service)} is not one of the platform's processes (SERVICE_GRANTS)`);
  if (!scopes.length || scopes.some((s) => !SERVICE_SCOPES.includes(s))) throw new RangeError(`scopes must be some of ${SERVICE_SCOPES.join(', ')}`);
  const refused = scopes.filter((s) => !grantedScopes(service).includes(s));
  if (refused.length) throw new RangeError(`${service} is not granted ${refused.join(', ')} (it holds ${SERVICE_GRANTS[service].join(', ')})`);
  if (!(ttlSeconds > 0 && ttlSeconds <= MAX_SERVICE_TOKEN_SECONDS)) throw new RangeError(`a service token lives at most ${MAX_SERVICE_TOKEN_SECONDS} s`);
  return new SignJWT({ scope: scopes.join(' ') })
    .setProtectedHeader({ alg: SERVICE_ALGORITHM, kid: service })
    .setSubject(service)
    .setIssuer(ISSUER)
    .setAudience(INTERNAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

const REQUIRED_CLAIMS = ['exp', 'iat', 'sub'];

/**
 * A staff token or a service credential, checked: signature, issuer, audience, expiry and how long
 * it was made to live. The audience the token names says which key checks it; that audience is then
 * verified under that key, so a token naming the other audience only picks a key that refuses it.
 */
export async function verifyToken(token: string, keys: AuthKeys): Promise<StaffUser> {
  const { aud } = decodeJwt(token);
  if (aud === INTERNAL_AUDIENCE || (Array.isArray(aud) && aud.includes(INTERNAL_AUDIENCE))) return verifyServiceCredential(token, keys.service);
  return verifyStaffToken(token, keys.staff);
}

/**
 * A service credential, checked with the public key of the process it names (`sub`) and no other:
 * a process signs for itself only. Then its scopes must all be granted to that process
 * (SERVICE_GRANTS), whatever it put in its token.
 */
async function verifyServiceCredential(token: string, keys: ServicePublicKeys): Promise<StaffUser> {
  const { sub } = decodeJwt(token);
  if (typeof sub !== 'string') throw new Error('a service credential must name its process (sub)');
  // The key is looked up once the header passed (EdDSA only): a token of another kind is refused as such.
  const { payload } = await jwtVerify(token, async () => keys(sub), { issuer: ISSUER, audience: INTERNAL_AUDIENCE, algorithms: [SERVICE_ALGORITHM], requiredClaims: REQUIRED_CLAIMS });
  const scopes = String(payload.scope ?? '').split(' ') as ServiceScope[];
  if (lifetimeOf(payload) > MAX_SERVICE_TOKEN_SECONDS) throw new Error(`a service token may live at most ${MAX_SERVICE_TOKEN_SECONDS} s`);
  if (!scopes.every((s) => SERVICE_SCOPES.includes(s))) throw new Error('token has an unknown scope');
  const refused = scopes.filter((s) => !grantedScopes(sub).includes(s));
  if (refused.length) throw new Error(`${sub} is not granted ${refused.join(', ')}`);
  return { user: sub, role: 'service', scopes };
}

async function verifyStaffToken(token: string, check: StaffTokenCheck): Promise<StaffUser> {
  const options = { issuer: check.issuer, audience: check.audience, algorithms: check.algorithms, requiredClaims: REQUIRED_CLAIMS };
  const { payload } = typeof check.key === 'function' ? await jwtVerify(token, check.key, options) : await jwtVerify(token, check.key, options);
  if (lifetimeOf(payload) > MAX_STAFF_TOKEN_SECONDS) throw new Error(`a staff token may live at most ${MAX_STAFF_TOKEN_SECONDS / 3600} hours`);
  return { user: payload.sub!, role: roleOf(payload[check.roleClaim]) };
}

const lifetimeOf = (payload: JWTPayload) => (payload.exp as number) - (payload.iat as number);

/** The one platform role a claim names; a list naming two would leave which one applies to chance. */
function roleOf(claim: unknown): Role {
  const known = [...new Set((Array.isArray(claim) ? claim : [claim]).filter((r): r is Role => ROLES.includes(r as Role)))];
  if (known.length === 0) throw new Error('token has no known role');
  if (known.length > 1) throw new Error(`token has more than one role (${known.join(', ')})`);
  return known[0];
}

/**
 * Express middleware for what lies outside Nest's guard (the OpenAPI document and its UI): a valid
 * staff token or service credential, or a 401. Outside local use /docs needs one (issue 14: the
 * OpenAPI documents answered without a token).
 */
export function requireToken(keys: AuthKeys) {
  return (req: { headers: Record<string, string | string[] | undefined> }, res: { status(n: number): { json(b: unknown): void } }, next: () => void) => {
    const m = /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? ''));
    if (!m) return res.status(401).json({ statusCode: 401, message: 'a bearer token is required (Authorization: Bearer <token>)' });
    verifyToken(m[1], keys).then(
      () => next(),
      (e: Error) => res.status(401).json({ statusCode: 401, message: `the token is not valid: ${e.message}` }),
    );
  };
}

const ROLES_KEY = 'wc:roles';
const PUBLIC_KEY = 'wc:public';
const SERVICE_KEY = 'wc:service-scope';
const INTERNAL_KEY = 'wc:internal';
/** The roles allowed on a route or controller (admin is always allowed). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** A route staff use that one of the platform's processes may call too, with this scope. */
export const ServiceAccess = (scope: ServiceScope) => SetMetadata(SERVICE_KEY, scope);
/** A route only the platform's processes call, with this scope: every staff token is refused, admin's too. */
export const Internal = (scope: ServiceScope) => applyDecorators(SetMetadata(SERVICE_KEY, scope), SetMetadata(INTERNAL_KEY, true));
/** No token needed (health checks). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Every route needs a bearer token with a role: 401 without one, 403 with the wrong role. */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: AuthKeys,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; staff?: StaffUser }>();
    const header = req.headers.authorization ?? '';
    const m = /^Bearer (.+)$/i.exec(header);
    if (!m) throw new UnauthorizedException('a bearer token is required (Authorization: Bearer <token>)');
    let who: StaffUser;
    try {
      who = await verifyToken(m[1], this.keys);
    } catch (e) {
      throw new UnauthorizedException(`the token is not valid: ${(e as Error).message}`);
    }
    req.staff = who;
    addLogContext({ user: who.user });
    const scope = this.reflector.getAllAndOverride<ServiceScope | undefined>(SERVICE_KEY, targets);
    if (who.role === 'service') {
      if (!scope) throw new ForbiddenException(`${who.user} is a service: a service credential may not call staff routes`);
      if (!who.scopes?.includes(scope)) throw new ForbiddenException(`${who.user} lacks the scope ${scope}`);
      return true;
    }
    if (this.reflector.getAllAndOverride<boolean>(INTERNAL_KEY, targets))
      throw new ForbiddenException(`an internal route: a staff token is refused (a service credential with scope ${scope} is required)`);
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    if (allowed && who.role !== 'admin' && !allowed.includes(who.role)) {
      throw new ForbiddenException(`role ${who.role} may not do this; allowed: ${allowed.join(', ')}`);
    }
    return true;
  }
}

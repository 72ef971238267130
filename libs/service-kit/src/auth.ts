import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata, UnauthorizedException, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SignJWT, jwtVerify } from 'jose';
import { addLogContext } from './logger';

/** Who may do what: the insurer's staff roles. */
export const ROLES = ['case-manager', 'team-leader', 'payments-officer', 'reviewer', 'admin'] as const;
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

/**
 * What one process may ask of another (issue 14: services authenticate to each other with their
 * own credentials and scopes, never with a staff role): the worker records a claim's effects; the
 * notifications and payments services write documents and read them back.
 */
export const SERVICE_SCOPES = ['claims:effects', 'documents:write', 'documents:read'] as const;
export type ServiceScope = (typeof SERVICE_SCOPES)[number];

const ISSUER = 'wc-claims';
const AUDIENCE = 'wc-claims-staff-api';
/** Service credentials are for another audience: a staff route never takes one as a staff token, nor an internal route a staff token. */
const INTERNAL_AUDIENCE = 'wc-claims-internal';
/** A staff token must expire, within a working day (issue 14: a token without an expiry never expired). */
export const MAX_STAFF_TOKEN_SECONDS = 12 * 3600;
/** A service mints its own short-lived credential and renews it. */
export const MAX_SERVICE_TOKEN_SECONDS = 3600;

/**
 * The signing key: AUTH_JWT_SECRET, or a key file the project generates on first use
 * (`.data/keys/jwt-hs256.key` by default) so local development needs no set-up.
 */
export function signingKey(env: NodeJS.ProcessEnv = process.env, repoRoot = path.resolve(__dirname, '..', '..', '..')): Uint8Array {
  if (env.AUTH_JWT_SECRET) return new TextEncoder().encode(env.AUTH_JWT_SECRET);
  const file = env.AUTH_KEY_FILE ?? path.join(repoRoot, '.data', 'keys', 'jwt-hs256.key');
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

/** A development token (`claimctl token`); production tokens come from the insurer's identity provider. */
export async function mintToken(who: { user: string; role: Role }, key: Uint8Array, ttlSeconds = 8 * 3600): Promise<string> {
  if (!ROLES.includes(who.role)) throw new RangeError(`role must be one of ${ROLES.join(', ')}`);
  if (!who.user.trim()) throw new RangeError('user must not be empty');
  if (!(ttlSeconds > 0 && ttlSeconds <= MAX_STAFF_TOKEN_SECONDS)) throw new RangeError(`a staff token lives at most ${MAX_STAFF_TOKEN_SECONDS / 3600} hours`);
  return new SignJWT({ role: who.role }).setProtectedHeader({ alg: 'HS256' }).setSubject(who.user).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime(`${ttlSeconds}s`).sign(key);
}

/** A process's own credential: its name and the scopes it needs, short-lived. */
export async function mintServiceToken(service: string, scopes: ServiceScope[], key: Uint8Array, ttlSeconds = 15 * 60): Promise<string> {
  if (!/^[a-z][a-z0-9-]{1,62}$/.test(service)) throw new RangeError('service must be a lower-case name');
  if (!scopes.length || scopes.some((s) => !SERVICE_SCOPES.includes(s))) throw new RangeError(`scopes must be some of ${SERVICE_SCOPES.join(', ')}`);
  if (!(ttlSeconds > 0 && ttlSeconds <= MAX_SERVICE_TOKEN_SECONDS)) throw new RangeError(`a service token lives at most ${MAX_SERVICE_TOKEN_SECONDS} s`);
  return new SignJWT({ scope: scopes.join(' ') })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(service)
    .setIssuer(ISSUER)
    .setAudience(INTERNAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

/** A staff token or a service credential, checked: signature, issuer, audience, expiry and how long it was made to live. */
export async function verifyToken(token: string, key: Uint8Array): Promise<StaffUser> {
  const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: [AUDIENCE, INTERNAL_AUDIENCE], algorithms: ['HS256'], requiredClaims: ['exp', 'iat', 'sub'] });
  const lifetime = (payload.exp as number) - (payload.iat as number);
  if (payload.aud === INTERNAL_AUDIENCE) {
    const scopes = String(payload.scope ?? '').split(' ') as ServiceScope[];
    if (lifetime > MAX_SERVICE_TOKEN_SECONDS) throw new Error(`a service token may live at most ${MAX_SERVICE_TOKEN_SECONDS} s`);
    if (!scopes.every((s) => SERVICE_SCOPES.includes(s))) throw new Error('token has an unknown scope');
    return { user: payload.sub!, role: 'service', scopes };
  }
  if (lifetime > MAX_STAFF_TOKEN_SECONDS) throw new Error(`a staff token may live at most ${MAX_STAFF_TOKEN_SECONDS / 3600} hours`);
  const role = payload.role as Role;
  if (!ROLES.includes(role)) throw new Error('token has no known role');
  return { user: payload.sub!, role };
}

/**
 * Express middleware for what lies outside Nest's guard (the OpenAPI document and its UI): a valid
 * staff token or service credential, or a 401. Outside local use /docs needs one (issue 14: the
 * OpenAPI documents answered without a token).
 */
export function requireToken(key: Uint8Array) {
  return (req: { headers: Record<string, string | string[] | undefined> }, res: { status(n: number): { json(b: unknown): void } }, next: () => void) => {
    const m = /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? ''));
    if (!m) return res.status(401).json({ statusCode: 401, message: 'a bearer token is required (Authorization: Bearer <token>)' });
    verifyToken(m[1], key).then(
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
    private readonly key: Uint8Array,
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
      who = await verifyToken(m[1], this.key);
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

import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SignJWT, jwtVerify } from 'jose';
import { addLogContext } from './logger';

/** Who may do what: the insurer's staff roles. */
export const ROLES = ['case-manager', 'team-leader', 'payments-officer', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface StaffUser {
  user: string;
  role: Role;
}

const ISSUER = 'wc-claims';
const AUDIENCE = 'wc-claims-staff-api';

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
export async function mintToken(who: StaffUser, key: Uint8Array, ttlSeconds = 8 * 3600): Promise<string> {
  if (!ROLES.includes(who.role)) throw new RangeError(`role must be one of ${ROLES.join(', ')}`);
  if (!who.user.trim()) throw new RangeError('user must not be empty');
  return new SignJWT({ role: who.role }).setProtectedHeader({ alg: 'HS256' }).setSubject(who.user).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime(`${ttlSeconds}s`).sign(key);
}

export async function verifyToken(token: string, key: Uint8Array): Promise<StaffUser> {
  const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
  const role = payload.role as Role;
  if (!payload.sub || !ROLES.includes(role)) throw new Error('token has no user or no known role');
  return { user: payload.sub, role };
}

const ROLES_KEY = 'wc:roles';
const PUBLIC_KEY = 'wc:public';
/** The roles allowed on a route or controller (admin is always allowed). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
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
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    if (allowed && who.role !== 'admin' && !allowed.includes(who.role)) {
      throw new ForbiddenException(`role ${who.role} may not do this; allowed: ${allowed.join(', ')}`);
    }
    return true;
  }
}

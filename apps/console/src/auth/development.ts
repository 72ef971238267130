import { type Refusal, type Result, refusalOf, unreachable } from '../api/refusal';
import { type Session, type SignInConfig, sessionStore } from './provider';

export interface DevelopmentProvider {
  readonly kind: 'development';
  signIn(role: string, user: string): Promise<{ ok: true; session: Session } | { ok: false; refusal: Refusal }>;
}

/**
 * Local use only: the console's server mints a development token for the role and user chosen
 * (the services' own development key, as `claimctl token` does). The server offers this only
 * where the services take such tokens; elsewhere GET /auth/config names no development provider.
 */
export const developmentProvider: DevelopmentProvider = {
  kind: 'development',
  async signIn(role, user) {
    try {
      const res = await fetch('/auth/development/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, user }) });
      const body: unknown = await res.json().catch(() => undefined);
      if (!res.ok) return { ok: false, refusal: refusalOf(res.status, body) };
      const session = body as Session;
      sessionStore.save(session);
      return { ok: true, session };
    } catch (e) {
      return { ok: false, refusal: unreachable(e) };
    }
  },
};

/** How this console signs staff in (GET /auth/config). */
export async function loadSignInConfig(): Promise<Result<SignInConfig>> {
  try {
    const res = await fetch('/auth/config');
    const body: unknown = await res.json().catch(() => undefined);
    return res.ok ? { ok: true, data: body as SignInConfig } : { ok: false, refusal: refusalOf(res.status, body) };
  } catch (e) {
    return { ok: false, refusal: unreachable(e) };
  }
}

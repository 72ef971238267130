// Signing in: the rest of the console only ever uses a Session's access token, the bearer token the
// services already take, and never learns whether development identities or the insurer's OpenID
// Connect provider gave it.

export interface Session {
  accessToken: string;
  /** Who the token names (its `sub`) and their platform role, for the page's header. */
  user: string;
  role: string;
  /** When the token stops being accepted (ISO instant). */
  expiresAt: string;
  /**
   * Where signing out sends the browser, when the session is the identity provider's: its
   * end-session endpoint (OpenID Connect RP-Initiated Logout 1.0), so that its session ends too and
   * the next sign-in asks for the password again, on a shared desk as anywhere.
   */
  signOutUrl?: string;
}

/** The insurer's OpenID Connect provider, as the console's server is set up with it (OIDC_*). */
export interface OidcSignIn {
  provider: 'oidc';
  issuer: string;
  clientId: string;
  scope: string;
  /** The staff API's audience, sent as the `resource` parameter (RFC 8707) when the provider needs it to issue a JWT for it. */
  resource?: string;
  /** The access token's claim with the platform role (the services' AUTH_ROLE_CLAIM). */
  roleClaim: string;
}

/** What the console's server says about signing in (GET /auth/config, server/src/sign-in.ts). */
export type SignInConfig = { provider: 'development'; roles: string[] } | OidcSignIn | { provider: 'none'; reason: string };

// Two ways of signing in, as the console's server says (SignInConfig): development.ts asks the
// server for a token (a role and a user name, as `claimctl token` does); oidc.ts signs in at the
// identity provider (authorization code with PKCE). Either leaves a Session in sessionStore, which
// the app resumes on load and clears on sign-out (App.tsx).

const KEY = 'wc-console.session';

/**
 * The session lives in this tab's sessionStorage: a reload keeps it, closing the tab ends it, and
 * another tab signs in on its own (two roles side by side). It is dropped once expired.
 */
export const sessionStore = {
  load(now = Date.now()): Session | null {
    try {
      const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
      return s && typeof s.accessToken === 'string' && Date.parse(s.expiresAt) > now ? s : null;
    } catch {
      return null;
    }
  },
  save(s: Session): void {
    sessionStorage.setItem(KEY, JSON.stringify(s));
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
  },
};

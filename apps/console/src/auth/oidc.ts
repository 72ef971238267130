import { type Refusal, type Result, unreachable } from '../api/refusal';
import { type OidcSignIn, type Session, sessionStore } from './provider';

/**
 * Signing in with the insurer's OpenID Connect provider: the authorization code flow with PKCE for
 * a public client (RFC 7636; OAuth 2.0 for browser-based apps). The console keeps only the access
 * token, the bearer JWT the services verify against the provider's keys (AUTH_JWKS_URL, issuer,
 * audience, AUTH_ROLE_CLAIM); who and which role it names are read from it for the page's header
 * only, never trusted for anything else. The provider's address and the client come from the
 * console's server (GET /auth/config).
 */

/** Where the provider sends the browser back (a page of the app; the server serves it the app). */
export const CALLBACK_PATH = '/signed-in';
const PENDING = 'wc-console.oidc-pending';

interface Pending {
  state: string;
  verifier: string;
  returnTo: string;
  tokenEndpoint: string;
  endSessionEndpoint?: string;
  redirectUri: string;
}

const refusal = (message: string, status = 0): Refusal => ({ status, message, problems: [] });

/** Sends the browser to the provider's sign-in; it comes back to CALLBACK_PATH, then to `returnTo`. */
export async function startOidcSignIn(c: OidcSignIn, returnTo: string): Promise<Result<never>> {
  let discovery: { authorization_endpoint?: string; token_endpoint?: string; end_session_endpoint?: string };
  try {
    const res = await fetch(`${c.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
    if (!res.ok) return { ok: false, refusal: refusal(`the identity provider's configuration could not be read (${res.status})`, res.status) };
    discovery = await res.json();
  } catch (e) {
    return { ok: false, refusal: unreachable(e) };
  }
  if (!discovery.authorization_endpoint || !discovery.token_endpoint) return { ok: false, refusal: refusal("the identity provider's configuration names no authorization or token endpoint") };
  const verifier = randomString();
  const state = randomString();
  const redirectUri = `${window.location.origin}${CALLBACK_PATH}`;
  const pending: Pending = { state, verifier, returnTo, tokenEndpoint: discovery.token_endpoint, endSessionEndpoint: discovery.end_session_endpoint, redirectUri };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(discovery.authorization_endpoint);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: c.clientId,
    redirect_uri: redirectUri,
    scope: c.scope,
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
    ...(c.resource && { resource: c.resource }),
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  window.location.assign(url.toString());
  return new Promise<never>(() => undefined); // the page is leaving
}

/**
 * Back from the provider (CALLBACK_PATH?code&state, or ?error): the code exchanged for the access
 * token, once, for the sign-in this tab started (the state must match; a stale or forged answer is
 * refused), and the page to go back to.
 */
export async function completeOidcSignIn(c: OidcSignIn, search: string): Promise<Result<{ session: Session; returnTo: string }>> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as Pending | null;
  sessionStorage.removeItem(PENDING);
  if (params.get('error'))
    return { ok: false, refusal: refusal(`the identity provider answered ${params.get('error')}${params.get('error_description') ? `: ${params.get('error_description')}` : ''}`) };
  if (!pending || params.get('state') !== pending.state) return { ok: false, refusal: refusal('this answer from the identity provider is not for a sign-in started here: sign in again') };
  const code = params.get('code');
  if (!code) return { ok: false, refusal: refusal('the identity provider sent no code') };
  let body: { access_token?: string; id_token?: string; expires_in?: number; error?: string; error_description?: string };
  let status: number;
  try {
    const res = await fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: pending.redirectUri,
        client_id: c.clientId,
        code_verifier: pending.verifier,
        ...(c.resource && { resource: c.resource }),
      }),
    });
    status = res.status;
    body = await res.json();
  } catch (e) {
    return { ok: false, refusal: unreachable(e) };
  }
  if (status !== 200 || !body.access_token)
    return { ok: false, refusal: refusal(`the identity provider refused the code: ${body.error ?? status}${body.error_description ? ` (${body.error_description})` : ''}`, status) };
  const claims = claimsOf(body.access_token);
  const role = claims?.[c.roleClaim];
  if (!claims || typeof claims.sub !== 'string') return { ok: false, refusal: refusal('the access token is not a JWT naming its subject (sub): the services could not take it either') };
  if (typeof role !== 'string') return { ok: false, refusal: refusal(`the access token names no platform role in its ${c.roleClaim} claim: ask for a role to be given to you`) };
  const expiresAt = new Date(typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + (body.expires_in ?? 3600) * 1000).toISOString();
  const session: Session = { accessToken: body.access_token, user: claims.sub, role, expiresAt, signOutUrl: signOutUrlOf(c, pending, body.id_token) };
  sessionStore.save(session);
  return { ok: true, data: { session, returnTo: pending.returnTo.startsWith('/') && !pending.returnTo.startsWith('//') ? pending.returnTo : '/' } };
}

/**
 * The provider's end-session address for this session (RP-Initiated Logout 1.0 §2): the ID token as
 * the hint of whose session it is, and the console's home to come back to (registered with the
 * provider as a post-logout redirect URI, beside the sign-in's). None when the provider has none.
 */
function signOutUrlOf(c: OidcSignIn, pending: Pending, idToken?: string): string | undefined {
  if (!pending.endSessionEndpoint) return undefined;
  const url = new URL(pending.endSessionEndpoint);
  url.searchParams.set('client_id', c.clientId);
  url.searchParams.set('post_logout_redirect_uri', new URL('/', pending.redirectUri).toString());
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  return url.toString();
}

/** A JWT's payload, unverified (display only: the services verify it). */
function claimsOf(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    return JSON.parse(new TextDecoder().decode(base64urlDecode(part)));
  } catch {
    return null;
  }
}

function randomString(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function base64urlDecode(s: string): Uint8Array {
  const b = atob(
    s
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(s.length / 4) * 4, '='),
  );
  return Uint8Array.from(b, (ch) => ch.charCodeAt(0));
}

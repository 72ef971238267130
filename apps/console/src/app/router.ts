import { useSyncExternalStore } from 'react';
import { CALLBACK_PATH } from '../auth/oidc';
import { type OperationsRoute, operationsHrefs, operationsRouteOf } from './operations-routes';

// The console's few pages need no router library: the path decides the page, history.pushState
// moves between them, and React Aria's links (RouterProvider in App) navigate without a reload.

// "/" is each role's home (components/navigation.ts); the team leader's and payments officer's pages are in operations-routes.ts.
export type Route =
  { page: 'home' } | { page: 'my-work' } | { page: 'claims' } | { page: 'lodge-claim' } | { page: 'letters-to-post' } | { page: 'claim'; claimId: string } | OperationsRoute | { page: 'not-found' };

export const hrefs = {
  myWork: '/',
  claims: '/claims',
  lodgeClaim: '/claims/new',
  lettersToPost: '/letters-to-post',
  claim: (claimId: string) => `/claims/${encodeURIComponent(claimId)}`,
  ...operationsHrefs,
};

export function routeOf(pathname: string): Route {
  // The identity provider's way back (auth/oidc.ts): once signed in, reloading it is the home page.
  if (pathname === '/' || pathname === CALLBACK_PATH) return { page: 'home' };
  if (pathname === '/my-work') return { page: 'my-work' };
  if (pathname === '/claims') return { page: 'claims' };
  if (pathname === '/claims/new') return { page: 'lodge-claim' };
  if (pathname === '/letters-to-post') return { page: 'letters-to-post' };
  const claim = /^\/claims\/([^/]+)$/.exec(pathname);
  if (claim) return { page: 'claim', claimId: decodeURIComponent(claim[1]) };
  const operations = operationsRouteOf(pathname);
  if (operations) return operations;
  return { page: 'not-found' };
}

const NAVIGATED = 'wc-console:navigated';

export function navigate(href: string, o: { replace?: boolean } = {}): void {
  if (o.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATED));
}

function subscribe(changed: () => void): () => void {
  window.addEventListener('popstate', changed);
  window.addEventListener(NAVIGATED, changed);
  return () => {
    window.removeEventListener('popstate', changed);
    window.removeEventListener(NAVIGATED, changed);
  };
}

/** The current path, re-rendering on every navigation (links, back and forward). */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

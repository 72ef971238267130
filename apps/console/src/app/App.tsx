import { Suspense, lazy, useMemo, useRef, useState } from 'react';
import { RouterProvider } from 'react-aria-components';
import { createApi } from '../api/client';
import { CALLBACK_PATH } from '../auth/oidc';
import { type Session, sessionStore } from '../auth/provider';
import { Layout, PublicLayout } from '../components/Layout';
import { Loading, Page } from '../components/Page';
import { ClaimPage } from '../pages/ClaimPage';
import { ClaimsPage } from '../pages/ClaimsPage';
import { MyWorkPage } from '../pages/MyWorkPage';
import { LettersToPostPage } from '../pages/work/LettersToPostPage';
import { HomePage, OperationsPage } from '../pages/OperationsPage';
import { OidcCallback, SignInPage } from '../pages/SignInPage';
import { isOperationsRoute } from './operations-routes';
import { type Route, navigate, routeOf, usePathname } from './router';
import { SessionContext } from './session';

// Lodging a claim brings zod and the notification's schema: loaded when the page is asked for.
const LodgeClaimPage = lazy(() => import('../pages/LodgeClaimPage').then((m) => ({ default: m.LodgeClaimPage })));

// However the session was got (development identities or the insurer's OpenID Connect provider,
// as the console's server says: SignInPage), it is kept in this tab (provider.ts) and forgotten here.
const auth = { resume: () => sessionStore.load(), signOut: () => sessionStore.clear() };

export function App() {
  const pathname = usePathname();
  const [session, setSession] = useState<Session | null>(() => auth.resume());
  const [notice, setNotice] = useState<string>();
  // The API reads the token when it sends, so a new session needs no new client.
  const current = useRef(session);
  current.current = session;
  const api = useMemo(
    () =>
      createApi({
        accessToken: () => current.current?.accessToken,
        onUnauthorised: () => {
          auth.signOut();
          setNotice('Your session has ended: sign in again.');
          setSession(null);
        },
      }),
    [],
  );

  // Before sign-in every address shows the sign-in page, and after it the page asked for; the
  // identity provider's answer comes back to CALLBACK_PATH.
  if (!session)
    return (
      <RouterProvider navigate={navigate}>
        <PublicLayout>
          {pathname === CALLBACK_PATH ? (
            <OidcCallback
              onSignedIn={(s, returnTo) => {
                setSession(s);
                // In place of the provider's answer: Back does not return to a spent code.
                navigate(returnTo, { replace: true });
              }}
            />
          ) : (
            <SignInPage
              notice={notice}
              onSignedIn={(s) => {
                setNotice(undefined);
                setSession(s);
              }}
            />
          )}
        </PublicLayout>
      </RouterProvider>
    );

  const signOut = () => {
    auth.signOut();
    // Signed in at the identity provider: signed out there too, which sends the browser back here.
    if (session.signOutUrl) return window.location.assign(session.signOutUrl);
    setSession(null);
    navigate('/');
  };
  return (
    <RouterProvider navigate={navigate}>
      <SessionContext.Provider value={{ session, api, signOut }}>
        <Layout user={session.user} role={session.role} onSignOut={signOut}>
          <CurrentPage route={routeOf(pathname)} />
        </Layout>
      </SessionContext.Provider>
    </RouterProvider>
  );
}

function CurrentPage({ route }: { route: Route }) {
  if (isOperationsRoute(route)) return <OperationsPage route={route} />;
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'my-work':
      return <MyWorkPage />;
    case 'claims':
      return <ClaimsPage />;
    case 'lodge-claim':
      return (
        <Suspense fallback={<Loading what="the notification form" />}>
          <LodgeClaimPage />
        </Suspense>
      );
    case 'letters-to-post':
      return <LettersToPostPage />;
    case 'claim':
      // Keyed: another claim is a new page (its own loading, its heading focused).
      return <ClaimPage key={route.claimId} claimId={route.claimId} />;
    case 'not-found':
      return (
        <Page title="Page not found">
          <p>The console has no page at this address.</p>
        </Page>
      );
  }
}

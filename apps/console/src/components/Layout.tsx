import type { ReactNode } from 'react';
import { Button, Link } from 'react-aria-components';
import { hrefs } from '../app/router';
import { words } from './labels';

/** The frame of every signed-in page: a skip link, the banner with who is signed in, the main region. */
export function Layout({ user, role, onSignOut, children }: { user: string; role: string; onSignOut(): void; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="banner">
        <span className="brand">wc-claims console</span>
        <nav aria-label="Main">
          <Link href={hrefs.myWork}>My work</Link>
        </nav>
        <div className="who">
          <span>
            Signed in as <strong>{user}</strong> ({words(role).toLowerCase()})
          </span>
          <Button onPress={onSignOut}>Sign out</Button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** The frame before sign-in: the same banner, no navigation. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="banner">
        <span className="brand">wc-claims console</span>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

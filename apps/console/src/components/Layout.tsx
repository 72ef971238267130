import type { ReactNode } from 'react';
import { Button, Link } from 'react-aria-components';
import { usePathname } from '../app/router';
import { words } from './labels';
import { isCurrent, navigationFor } from './navigation';

/** The frame of every signed-in page: a skip link, the banner with who is signed in, the main region. */
export function Layout({ user, role, onSignOut, children }: { user: string; role: string; onSignOut(): void; children: ReactNode }) {
  const pathname = usePathname();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="banner">
        <span className="brand">wc-claims console</span>
        <nav aria-label="Main">
          {/* Each role's own pages (navigation.ts), the one shown marked as current. */}
          {navigationFor(role).map((item) => (
            <Link key={item.href} href={item.href} aria-current={isCurrent(item, pathname, role) ? 'page' : undefined}>
              {item.label}
            </Link>
          ))}
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

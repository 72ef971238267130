import { type ReactNode, useEffect, useRef } from 'react';

let firstPage = true;

/**
 * A page: its title (the tab's too) as the one h1. Moving to another page puts the focus on its
 * heading, so a screen reader announces where the person now is, as a page load would; the
 * page the app opens on leaves the focus where the browser put it.
 */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · wc-claims console`;
  }, [title]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}

/** A titled part of a page, named by its heading for assistive technology's list of regions. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="section">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="loading">
      Loading {what}…
    </p>
  );
}

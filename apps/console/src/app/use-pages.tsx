import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Refusal, Result } from '../api/refusal';

/**
 * One page of a list the API serves a page at a time: the cursor of the next page (its `before` or
 * `after`, the last item's), null on the last; and what the API says of the whole list with it
 * (`about`, e.g. the backdating window), kept from the first page.
 */
export interface CursorPage<T, A = undefined> {
  items: T[];
  next: string | null;
  about?: A;
}

/**
 * A list read a page at a time (claims, payment runs, payments, backdated actions, discrepancies):
 * the first page for `key` (a new search starts again), then `more()` appends the page after the
 * last one shown. An answer overtaken by a newer request never lands.
 */
export function usePages<T, A = undefined>(load: (cursor: string | null) => Promise<Result<CursorPage<T, A>>>, key: string) {
  const [items, setItems] = useState<T[]>();
  const [about, setAbout] = useState<A>();
  const [next, setNext] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const latest = useRef(0);
  const fetchPage = useCallback(
    async (cursor: string | null) => {
      const request = ++latest.current;
      setPending(true);
      setRefusal(undefined);
      const r = await load(cursor);
      if (request !== latest.current) return;
      setPending(false);
      if (!r.ok) return setRefusal(r.refusal);
      setItems((shown) => [...(cursor ? (shown ?? []) : []), ...r.data.items]);
      if (!cursor) setAbout(r.data.about);
      setNext(r.data.next);
    },
    // `key` stands for what `load` reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  useEffect(() => {
    void fetchPage(null);
  }, [fetchPage]);
  return { items, next, pending, refusal, about, more: () => void (next && fetchPage(next)) };
}

/** Under a paged list: the button for the page after the last one shown (while there is one), and "working" while a page is fetched. */
export function MorePages({ next, pending, more, label, working }: { next: string | null; pending: boolean; more: () => void; label: string; working: string }) {
  return (
    <>
      {next && (
        <Button className="react-aria-Button" isDisabled={pending} onPress={more}>
          {label}
        </Button>
      )}
      {pending && (
        <p role="status" className="muted">
          {working}
        </p>
      )}
    </>
  );
}

import fc from 'fast-check';
import { pageOf } from './paging';

describe('a page of a keyset-paged list', () => {
  it('is the first `limit` rows, with the last one as the cursor when another row was fetched', () => {
    expect(pageOf([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 2, (r) => r.id)).toEqual({ items: [{ id: 'a' }, { id: 'b' }], next: 'b' });
    expect(pageOf([{ id: 'a' }, { id: 'b' }], 2, (r) => r.id)).toEqual({ items: [{ id: 'a' }, { id: 'b' }], next: null });
    expect(pageOf([], 2, (r: { id: string }) => r.id)).toEqual({ items: [], next: null });
  });

  it('walks a whole list once, page after page, whatever the page size', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (values, limit) => {
        const sorted = [...values].sort((a, b) => a - b);
        // The query: rows after the cursor, in order, limit + 1 of them.
        const fetch = (after: number | null) => sorted.filter((v) => after === null || v > after).slice(0, limit + 1);
        const seen: number[] = [];
        let cursor: string | null = null;
        do {
          const page = pageOf(fetch(cursor === null ? null : Number(cursor)), limit, String);
          seen.push(...page.items);
          cursor = page.next;
        } while (cursor !== null);
        expect(seen).toEqual(sorted);
      }),
    );
  });
});

/**
 * Keyset paging, as every list of the staff APIs serves it (claim search, payment runs, payments,
 * the health-information audit): the query asks for one row more than the page (`limit + 1`) in a
 * fixed order, and that extra row says whether another page follows. The cursor is the page's last
 * row (its id), which the next request names, so a page stays the same while rows are added
 * elsewhere in the list, as an offset would not.
 */
export interface Page<T> {
  items: T[];
  /** The cursor of the next page (the last item's), or null on the last page. */
  next: string | null;
}

/** The page of `rows` (fetched with `LIMIT limit + 1`) and the cursor after it. */
export function pageOf<T>(rows: readonly T[], limit: number, cursorOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit && items.length > 0 ? cursorOf(items[items.length - 1]) : null };
}

import { Button } from 'react-aria-components';

/**
 * The API's lists here take a `limit` and no cursor: a page shows the first `limit` and asks for
 * more by raising it, up to the most the API gives at once. Shown only when the list may go on.
 */
export function ShowMore({ shown, limit, step, max, what, onMore }: { shown: number; limit: number; step: number; max: number; what: string; onMore(limit: number): void }) {
  if (shown < limit) return null;
  if (limit >= max)
    return (
      <p className="muted small">
        The first {max} {what} are shown, the most the service gives at once: narrow the list to see others.
      </p>
    );
  return (
    <p className="show-more">
      <Button onPress={() => onMore(Math.min(max, limit + step))}>Show more {what}</Button>
    </p>
  );
}

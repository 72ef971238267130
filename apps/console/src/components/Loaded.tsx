import type { ReactNode } from 'react';
import type { Result } from '../api/refusal';
import { Loading } from './Page';
import { RefusalMessage } from './RefusalMessage';

/**
 * What an API read gives, once it has: "Loading …" while it is out, the API's refusal in its words,
 * or `children` with the data (and `empty` instead, when `isEmpty` says there is nothing to show).
 */
export function Loaded<T>({
  result,
  what,
  level = 3,
  isEmpty,
  empty,
  children,
}: {
  result: Result<T> | undefined;
  what: string;
  level?: 2 | 3;
  isEmpty?(data: T): boolean;
  empty?: ReactNode;
  children(data: T): ReactNode;
}) {
  if (!result) return <Loading what={what} />;
  if (!result.ok) return <RefusalMessage refusal={result.refusal} level={level} />;
  if (isEmpty?.(result.data)) return <p className="empty">{empty}</p>;
  return <>{children(result.data)}</>;
}

import { type DependencyList, useRef } from 'react';
import type { Result } from '../../api/refusal';
import { useResult } from '../../app/use-result';

/**
 * useResult, refreshed without going blank: while a new load is under way (`deps` changed, e.g. an
 * action was recorded) the last answer stays shown, and `refreshing` says a newer one is coming.
 */
export function useKeptResult<T>(load: (signal: AbortSignal) => Promise<Result<T>>, deps: DependencyList): { result: Result<T> | undefined; refreshing: boolean } {
  const result = useResult(load, deps);
  const last = useRef<Result<T>>(undefined);
  if (result) last.current = result;
  return { result: result ?? last.current, refreshing: result === undefined && last.current !== undefined };
}

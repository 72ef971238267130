import { type DependencyList, useEffect, useState } from 'react';
import type { Result } from '../api/refusal';

/**
 * Loads once per change of `deps`: undefined while loading, then the data or the API's refusal.
 * A load overtaken by another (the page moved on) is aborted, so its answer never lands.
 */
export function useResult<T>(load: (signal: AbortSignal) => Promise<Result<T>>, deps: DependencyList): Result<T> | undefined {
  const [result, setResult] = useState<Result<T>>();
  useEffect(() => {
    const abort = new AbortController();
    setResult(undefined);
    load(abort.signal).then(
      (r) => abort.signal.aborted || setResult(r),
      (e) => abort.signal.aborted || setResult({ ok: false, refusal: { status: 0, message: String(e), problems: [] } }),
    );
    return () => abort.abort();
    // The caller names what the load depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return result;
}

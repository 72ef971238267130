import { useCallback, useState } from 'react';

/**
 * What a part of a page did last, and how many times: a form or dialog calls `done` with what to say
 * (shown in a status message), and a read that depends on `version` is made again, so the page shows
 * what the action changed.
 */
export function useDone(): { version: number; message: string | undefined; done(message: string): void } {
  const [state, setState] = useState<{ version: number; message?: string }>({ version: 0 });
  const done = useCallback((message: string) => setState((s) => ({ version: s.version + 1, message })), []);
  return { version: state.version, message: state.message, done };
}

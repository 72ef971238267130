import { createContext, useContext } from 'react';
import type { Api } from '../api/client';
import type { Session } from '../auth/provider';

export interface SignedIn {
  session: Session;
  api: Api;
  signOut(): void;
}

export const SessionContext = createContext<SignedIn | null>(null);

/** The signed-in person and the API as them; only pages shown after sign-in use it. */
export function useSignedIn(): SignedIn {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSignedIn outside a signed-in page');
  return s;
}

import { createContext, useContext } from 'react';
import type { Me, SessionState } from '../../../common/schemas';

export interface SessionValue {
  state: SessionState;
  /** Replaces the session after sign-in, setup, sign-up or a password change. */
  setState: (state: SessionState) => void;
  /** Asks the server who is signed in (after sign-out, or when a session expired). */
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The session: who is signed in and the workspace. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionContext>');
  return value;
}

/** The signed-in person; only for pages that render behind sign-in. */
export function useMe(): Me {
  const me = useSession().state.me;
  if (!me) throw new Error('useMe while signed out');
  return me;
}

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

const AnnounceContext = createContext<(message: string) => void>(() => {});

/** Shows a short status message ("Invitation revoked.") and reads it out to screen readers. */
export const useAnnounce = () => useContext(AnnounceContext);

export function Announcer({ children, path }: { children: ReactNode; path: string }) {
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const announce = useCallback((next: string) => {
    window.clearTimeout(timer.current);
    setMessage(next);
    timer.current = window.setTimeout(() => setMessage(''), 8000);
  }, []);
  // A message belongs to the page it was said on.
  useEffect(() => setMessage(''), [path]);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="status-region" role="status" aria-live="polite">
        {message && <p className="status-message">{message}</p>}
      </div>
    </AnnounceContext.Provider>
  );
}

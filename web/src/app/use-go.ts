import { useCallback } from 'react';
import { useAnnounce } from './announcer';
import { navigate } from './router';

/**
 * Goes to a page and then says what happened there ("Saved as version 2."). The announcer clears
 * its message on every path change, so the message is set once the new path has rendered.
 */
export function useGo() {
  const announce = useAnnounce();
  return useCallback(
    (to: string, message: string) => {
      navigate(to);
      window.setTimeout(() => announce(message), 0);
    },
    [announce],
  );
}

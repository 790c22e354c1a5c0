import { useEffect, useState } from 'react';
import type { UnreadCount } from '../../../../../common/deliveries';
import { api } from '../../../api';
import { Link, usePath } from '../../../app/router';
import '../../../styles/deliveries.css';

/**
 * The header's link to the inbox with the unread count ("Inbox, 3 unread"). The count is read on
 * every navigation, when the inbox changes here, and at most once a minute otherwise.
 */
export function InboxLink() {
  const path = usePath();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () => {
      api<UnreadCount>('GET', '/api/me/inbox/unread-count').then(
        (r) => live && setUnread(r.unread),
        () => {},
      );
    };
    load();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, 60_000);
    window.addEventListener('wheelhouse:inbox-changed', load);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener('wheelhouse:inbox-changed', load);
    };
  }, [path]);
  const label = unread > 0 ? `Inbox, ${unread} unread` : 'Inbox';
  return (
    <Link to="/inbox" aria-label={label} aria-current={path === '/inbox' ? 'page' : undefined}>
      Inbox
      {unread > 0 && (
        <span className="unread-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}

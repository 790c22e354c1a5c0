import { useState } from 'react';
import type { InboxPage as InboxPageData, UnreadCount } from '../../../../../common/deliveries';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDateTime } from '../../../ui/format';
import { FormError } from '../../../ui/FormError';
import { Loaded } from '../../../ui/Loaded';
import { useAction } from '../../../ui/use-action';
import { InboxText } from './InboxText';
import { inboxChanged, kindNames } from './kinds';
import '../../../styles/deliveries.css';

/** `/inbox`: nudges and reminders, newest first; every one of them lands here, whatever the channels. */
export default function InboxPage() {
  const [page, setPage] = useState(1);
  const inbox = useResource<InboxPageData>(`/api/me/inbox?page=${page}`);
  const announce = useAnnounce();
  const mark = useAction(async (body: { ids: string[] } | { all: true }) => {
    const r = await api<UnreadCount>('POST', '/api/me/inbox/read', body);
    inbox.reload();
    inboxChanged();
    return r;
  });

  return (
    <Page
      title="Inbox"
      lead={
        <>
          Your turns, nudges and reminders. Choose where else they reach you in{' '}
          <Link to="/account/notifications">notification settings</Link>.
        </>
      }
    >
      <Loaded resource={inbox}>
        {(data) =>
          data.items.length === 0 && page === 1 ? (
            <EmptyState>
              <p>Nothing yet. When something waits for you, it lands here.</p>
            </EmptyState>
          ) : (
            <>
              <div className="inbox-tools">
                <p>{data.unread === 0 ? 'All read.' : `${data.unread} unread.`}</p>
                {data.unread > 0 && (
                  <Button
                    variant="secondary"
                    pending={mark.pending}
                    pendingLabel="Marking…"
                    onClick={async () => {
                      if (await mark.run({ all: true })) announce('Everything is marked read.');
                    }}
                  >
                    Mark all read
                  </Button>
                )}
              </div>
              <FormError message={mark.error} />
              <ul className="inbox-list">
                {data.items.map((item) => (
                  <li key={item.id} className={`inbox-item card ${item.read ? 'is-read' : 'is-unread'}`}>
                    <div className="inbox-item-head">
                      <h2 className="inbox-title">
                        {!item.read && <span className="badge badge-new">New</span>}{' '}
                        <Link to={item.link}>{item.title}</Link>
                      </h2>
                      <p className="inbox-meta">
                        {kindNames[item.kind]} ·{' '}
                        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
                      </p>
                    </div>
                    {item.text && <InboxText text={item.text} />}
                    {!item.read && (
                      <Button
                        variant="secondary"
                        className="inbox-mark"
                        disabled={mark.pending}
                        aria-label={`Mark read: ${item.title}`}
                        onClick={async () => {
                          if (await mark.run({ ids: [item.id] })) announce('Marked read.');
                        }}
                      >
                        Mark read
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
              <nav aria-label="Inbox pages" className="inbox-pages">
                {page > 1 && (
                  <Button variant="secondary" onClick={() => setPage(page - 1)}>
                    Newer
                  </Button>
                )}
                {data.hasMore && (
                  <Button variant="secondary" onClick={() => setPage(page + 1)}>
                    Older
                  </Button>
                )}
              </nav>
            </>
          )
        }
      </Loaded>
    </Page>
  );
}

import { useState } from 'react';
import type { PulseBoard } from '../../../../../common/check-ins';
import type { TimelineItem, TimelineKind, TimelinePage as Page_ } from '../../../../../common/timeline';
import { api, ApiError } from '../../../api';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useMe } from '../../../app/session';
import { useResource } from '../../../app/use-resource';
import { useMyPairs } from '../../people/pairs/my-pairs';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDateTime } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { LoadError, Loading } from '../../../ui/Loading';
import { Section } from '../../../ui/Section';
import '../../../styles/check-ins.css';

/** Each kind with an icon (decorative) and the word that says it. */
const kinds: Record<TimelineKind, { icon: string; word: string }> = {
  'check-in': { icon: '☺', word: 'Check-in' },
  pulse: { icon: '♥', word: 'Pulse' },
  round: { icon: '◎', word: 'Wheel round' },
  dip: { icon: '↘', word: 'Dip' },
  'plan-started': { icon: '✎', word: 'Plan' },
  'plan-refreshed': { icon: '↻', word: 'Plan refresh' },
  'action-done': { icon: '✓', word: 'Action done' },
  session: { icon: '☷', word: 'Session' },
  nudge: { icon: '➚', word: 'Nudge' },
  'self-check': { icon: '◎', word: 'Self-check' },
};

/** `/pms/{id}/timeline`: the PM's story, newest first, for the PM and their current coaches. */
export default function TimelinePage({ pmId }: { pmId: string }) {
  const base = `/api/pms/${encodeURIComponent(pmId)}`;
  const me = useMe();
  const { pairs } = useMyPairs();
  const first = useResource<Page_>(`${base}/timeline`);
  const [older, setOlder] = useState<{ items: TimelineItem[]; next: string | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');

  // A refusal looks exactly like a missing page, as the server intends.
  if (first.error && [400, 403, 404].includes(first.error.status)) return <NotFoundPage />;
  if (first.error) return <LoadError error={first.error} retry={first.reload} />;
  if (!first.data) return <Loading />;
  const isPm = me.id === pmId;
  const name = pairs?.find((p) => p.pm.id === pmId)?.pm.name ?? 'The PM';
  const items = [...first.data.items, ...(older?.items ?? [])];
  const next = older ? older.next : first.data.nextBefore;

  const loadOlder = async () => {
    if (!next) return;
    setLoading(true);
    setError('');
    try {
      const page = await api<Page_>('GET', `${base}/timeline?before=${encodeURIComponent(next)}`);
      setOlder({ items: [...(older?.items ?? []), ...page.items], next: page.nextBefore });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not load older items. Try again.');
    } finally {
      setLoading(false);
    }
  };

  return (
    <Page
      title={isPm ? 'Your timeline' : `${name}'s timeline`}
      lead={
        isPm
          ? 'Everything in your coaching, newest first. Private check-ins are marked: only you see them.'
          : `${name}'s check-ins, pulses, wheel rounds, dips and plan changes, newest first: the story before your next conversation.`
      }
    >
      <Section title="Newest first">
        {items.length === 0 ? (
          <EmptyState>
            <p>
              Nothing here yet. Check-ins, pulses, revealed wheel rounds and plan changes appear here as they
              happen.
            </p>
            {isPm ? (
              <p>
                <Link to={`/pms/${pmId}/check-in`}>Do a first check-in: how do you feel?</Link>
              </p>
            ) : (
              <p>
                <Link to={`/pms/${pmId}/wheel`}>Open {name}'s wheel</Link> to start a round together.
              </p>
            )}
          </EmptyState>
        ) : (
          <ol className="timeline">
            {items.map((item) => (
              <TimelineEntry key={item.key} item={item} />
            ))}
          </ol>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        {next && (
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void loadOlder()}
              disabled={loading}
            >
              {loading ? 'Loading…' : 'Load older'}
            </button>
          </p>
        )}
        {!next && items.length > 0 && <p className="hint">That is the beginning.</p>}
      </Section>
      <PulseSeries base={base} isPm={isPm} name={name} />
    </Page>
  );
}

/** Each area's latest pulses, oldest first: a small series per area. */
function PulseSeries({ base, isPm, name }: { base: string; isPm: boolean; name: string }) {
  const board = useResource<PulseBoard>(`${base}/pulses`);
  return (
    <Section title="Pulses by area">
      <Loaded resource={board}>
        {(data) => {
          const areas = data.areas.filter((a) => a.pulses.length > 0);
          if (!areas.length)
            return (
              <EmptyState>
                <p>
                  {isPm
                    ? 'No pulses yet. Tap a number under “How are you doing?” on your home page.'
                    : `No pulses yet. ${name} gives them with one tap on their home page.`}
                </p>
              </EmptyState>
            );
          return (
            <ul className="list">
              {areas.map((a) => (
                <li key={a.key} className="list-item">
                  <div className="item-main">
                    <p className="item-title">{a.name}</p>
                    <p className="item-meta">
                      {a.pulses.map((p) => p.score).join(' → ')} (latest{' '}
                      {formatDateTime(a.pulses.at(-1)!.createdAt)})
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </Section>
  );
}

function TimelineEntry({ item }: { item: TimelineItem }) {
  const kind = kinds[item.kind];
  return (
    <li className={`timeline-item timeline-${item.kind}`}>
      <span className="timeline-icon" aria-hidden="true">
        {kind.icon}
      </span>
      <div className="timeline-body">
        <p className="item-meta">
          <span className="timeline-kind">{kind.word}</span> ·{' '}
          <time dateTime={item.at}>{formatDateTime(item.at)}</time>
          {item.private && <span className="badge badge-private">Private: only you</span>}
        </p>
        <p className="item-title">{item.link ? <Link to={item.link}>{item.title}</Link> : item.title}</p>
        {item.detail && <p className="timeline-detail">{item.detail}</p>}
      </div>
    </li>
  );
}

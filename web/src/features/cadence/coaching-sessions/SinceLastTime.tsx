import type { CoachingSession } from '../../../../../common/coaching-sessions';
import { Link } from '../../../app/router';
import { EmptyState } from '../../../ui/EmptyState';
import { Section } from '../../../ui/Section';
import { formatDate } from '../../../ui/format';
import { kindWords, ragWords } from './colour-words';

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
/** "30 Nov 2026" for the pair's local day "2026-11-30" (read as written, not shifted by a zone). */
export const dayOf = (day: string) => dayFormat.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));

/** What happened since the pair last met: colours then, actions done, check-ins, dips. */
export function SinceLastTime({ session }: { session: CoachingSession }) {
  const s = session.sinceLastTime;
  const isPm = session.viewerSide === 'pm';
  if (!s.last)
    return (
      <Section title="Since last time">
        <EmptyState>
          <p>
            No coaching session held together yet. After the first one, this shows the colours set then, the
            actions done and {isPm ? 'your' : 'the PM’s'} check-ins since.
          </p>
        </EmptyState>
      </Section>
    );
  const none = (what: string) => <p className="item-meta">{what}</p>;
  return (
    <Section
      title="Since last time"
      intro={`Since the ${kindWords[s.last.kind].toLowerCase()} on ${dayOf(s.last.localStart)}.`}
    >
      <div className="since-last-time">
        <div>
          <h3>Colours then</h3>
          {s.colours.length ? (
            <ul className="since-list">
              {s.colours.map((c) => (
                <li key={c.title}>
                  <span className={`rag since-rag rag-${c.colour}`} aria-hidden="true">
                    {ragWords[c.colour].shape}
                  </span>{' '}
                  {c.title}: {ragWords[c.colour].word}
                </li>
              ))}
            </ul>
          ) : (
            none('No colours set yet.')
          )}
        </div>
        <div>
          <h3>Actions done</h3>
          {s.actionsDone.length ? (
            <ul className="since-list">
              {s.actionsDone.map((a) => (
                <li key={`${a.text}-${a.doneAt}`}>{a.text}</li>
              ))}
            </ul>
          ) : (
            none('None since.')
          )}
        </div>
        <div>
          <h3>Check-ins</h3>
          {s.checkIns.length ? (
            <ul className="since-list">
              {s.checkIns.map((c) => (
                <li key={c.at}>
                  {c.feelings}{' '}
                  <span className="item-meta">
                    · {c.about} · {formatDate(c.at)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            none(isPm ? 'No check-ins since.' : 'No shared check-ins since.')
          )}
        </div>
        <div>
          <h3>Dips</h3>
          {s.dips.length ? (
            <ul className="since-list">
              {s.dips.map((d) => (
                <li key={`${d.roundTitle}-${d.areaName}`}>
                  {d.areaName} down {Math.round(d.drop * 10) / 10}{' '}
                  <span className="item-meta">· {d.roundTitle}</span>
                </li>
              ))}
            </ul>
          ) : (
            none('No dips since.')
          )}
        </div>
      </div>
      <p className="section-link">
        <Link to={`/coaching-sessions/${s.last.id}`}>Open last time’s session</Link>
      </p>
    </Section>
  );
}

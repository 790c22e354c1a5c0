import { useMemo, useState } from 'react';
import type { CoachingSessionInfo } from '../../../../../common/coaching-sessions';
import { Link } from '../../../app/router';
import { kindWords, statusWords } from './colour-words';

const monthTitle = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
const weekdayLong = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' });
// 1–7 January 2024 ran Monday to Sunday: the weekday names, in the reader's language.
const mondayWeek = [1, 2, 3, 4, 5, 6, 7].map((d) => `2024-01-0${d}`);

/** Monday-first weeks of a month, as YYYY-MM-DD (null outside the month). */
function weeksOf(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month, 1));
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, i) =>
      new Date(Date.UTC(year, month, i + 1)).toISOString().slice(0, 10),
    ),
  ];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/**
 * A month of coaching sessions as a real table (weeks × weekdays), on each session's local date.
 * Buttons move between months; each session is a link, reachable with Tab.
 */
export function MonthCalendar({ sessions }: { sessions: CoachingSessionInfo[] }) {
  const initial = useMemo(() => {
    const next = sessions.find((s) => s.status === 'scheduled' || s.status === 'in_progress');
    const day = next?.localStart ?? new Date().toISOString();
    return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) - 1 };
  }, [sessions]);
  const [shown, setShown] = useState(initial);
  const weeks = weeksOf(shown.year, shown.month);
  const byDay = new Map<string, CoachingSessionInfo[]>();
  for (const s of sessions)
    byDay.set(s.localStart.slice(0, 10), [...(byDay.get(s.localStart.slice(0, 10)) ?? []), s]);
  const move = (delta: number) =>
    setShown(({ year, month }) => {
      const m = month + delta;
      return { year: year + Math.floor(m / 12), month: ((m % 12) + 12) % 12 };
    });
  const title = monthTitle.format(new Date(Date.UTC(shown.year, shown.month, 1)));
  return (
    <div className="month-calendar">
      <div className="toolbar calendar-nav">
        <button type="button" className="button button-secondary" onClick={() => move(-1)}>
          <span aria-hidden="true">‹ </span>Previous month
        </button>
        <p className="calendar-title" aria-live="polite">
          {title}
        </p>
        <button type="button" className="button button-secondary" onClick={() => move(1)}>
          Next month<span aria-hidden="true"> ›</span>
        </button>
      </div>
      {/* Focusable and named: if the month is wider than a phone, the keyboard can scroll it. */}
      <div className="table-scroll" role="region" aria-label={`Coaching sessions in ${title}`} tabIndex={0}>
        <table className="calendar">
          <caption className="visually-hidden">Coaching sessions in {title}</caption>
          <thead>
            <tr>
              {mondayWeek.map((d) => (
                <th scope="col" key={d}>
                  <abbr title={weekdayLong.format(new Date(`${d}T00:00:00Z`))}>
                    {weekday.format(new Date(`${d}T00:00:00Z`))}
                  </abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, w) => (
              <tr key={w}>
                {week.map((day, d) =>
                  day ? (
                    <td key={day} className={byDay.has(day) ? 'calendar-day has-sessions' : 'calendar-day'}>
                      <span className="calendar-date">{Number(day.slice(8))}</span>
                      {(byDay.get(day) ?? []).map((s) => (
                        <Link key={s.id} to={`/coaching-sessions/${s.id}`} className="calendar-entry">
                          {s.localStart.slice(11)}
                          <span className="calendar-kind">
                            {' '}
                            {s.kind === 'weekly' ? 'check-in' : 'session'}
                          </span>
                          <span className="visually-hidden">
                            {' '}
                            : {kindWords[s.kind]} with {s.coach.name}, {statusWords[s.status].toLowerCase()}
                          </span>
                          {s.status === 'cancelled' && <span aria-hidden="true"> (cancelled)</span>}
                        </Link>
                      ))}
                    </td>
                  ) : (
                    <td key={`empty-${d}`} className="calendar-day calendar-outside" />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

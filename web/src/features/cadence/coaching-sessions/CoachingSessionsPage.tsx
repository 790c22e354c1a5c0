import { useState, type FormEvent } from 'react';
import type {
  CoachingSession,
  CoachingSessionInfo,
  CoachingSessionList,
} from '../../../../../common/coaching-sessions';
import { api } from '../../../api';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { Page } from '../../../app/Page';
import { Link, navigate } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { LoadError, Loading } from '../../../ui/Loading';
import { Section } from '../../../ui/Section';
import { Select } from '../../../ui/Select';
import { useAction } from '../../../ui/use-action';
import { usePm } from '../../people/pairs/use-pm';
import { ColourHistoryGrid } from './ColourHistoryGrid';
import { kindWords, statusWords, whenOf } from './colour-words';
import { MonthCalendar } from './MonthCalendar';
import { PitfallGuards } from './PitfallGuards';
import { deviceZone, repeatWords, TimeZoneSelect } from './TimeZoneSelect';
import '../../../styles/coaching-sessions.css';

/** `/pms/{id}/coaching-sessions`: the pair's coaching sessions, upcoming and past, and scheduling the next. */
export default function CoachingSessionsPage({ pmId }: { pmId: string }) {
  const pm = usePm(pmId);
  const list = useResource<CoachingSessionList>(`/api/pms/${encodeURIComponent(pmId)}/coaching-sessions`);
  if (list.error && [400, 403, 404].includes(list.error.status)) return <NotFoundPage />;
  const title = pm.isMe ? 'Your coaching sessions' : `Coaching sessions with ${pm.name}`;
  return (
    <Page
      title={title}
      lead="A monthly coaching session on the plan (or a lighter weekly check-in), separate from day-to-day 1:1s. The agenda prepares itself from the plan and the wheel; either of you can add to it."
    >
      {list.error ? (
        <LoadError error={list.error} retry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <SessionsBody data={list.data} pmId={pmId} />
      )}
    </Page>
  );
}

function SessionsBody({ data, pmId }: { data: CoachingSessionList; pmId: string }) {
  const all = [...data.upcoming, ...data.past];
  return (
    <>
      <PitfallGuards guards={data.guards} />
      <Section title="Upcoming">
        {data.upcoming.length ? (
          <SessionList sessions={data.upcoming} viewerSide={data.viewerSide} />
        ) : (
          <EmptyState>
            <p>
              Nothing scheduled yet. Schedule the next coaching session below: once a month keeps the plan
              alive.
            </p>
          </EmptyState>
        )}
      </Section>
      <ScheduleForm data={data} pmId={pmId} />
      <Section title="Calendar">
        <MonthCalendar sessions={all} />
      </Section>
      <Section
        title="Colour history"
        intro="The PM’s red, amber or green for each theme of the plan, month by month."
      >
        <ColourHistoryGrid history={data.colourHistory} caption="Colour of each theme by month" />
      </Section>
      <Section title="Past">
        {data.past.length ? (
          <SessionList sessions={data.past} viewerSide={data.viewerSide} />
        ) : (
          <EmptyState>
            <p>No coaching sessions held yet. Held and cancelled ones stay here, with what moved in each.</p>
          </EmptyState>
        )}
      </Section>
      <p className="section-link">
        <Link to={`/pms/${pmId}/plan`}>Open the plan</Link> ·{' '}
        <Link to={`/pms/${pmId}/wheel`}>Open the wheel</Link>
      </p>
    </>
  );
}

/** "With …" names the other person: the coach for the PM, the PM for a coach (never the reader). */
function SessionList({
  sessions,
  viewerSide,
}: {
  sessions: CoachingSessionInfo[];
  viewerSide: CoachingSessionList['viewerSide'];
}) {
  return (
    <ul className="list">
      {sessions.map((s) => (
        <li key={s.id} className="list-item">
          <div className="item-main">
            <p className="item-title">
              <Link to={`/coaching-sessions/${s.id}`}>
                {kindWords[s.kind]}, {whenOf(s)}
              </Link>
            </p>
            <p className="item-meta">
              <span className={`badge status-${s.status}`}>{statusWords[s.status]}</span> With{' '}
              {viewerSide === 'coach' ? s.pm.name : s.coach.name} · {s.minutes} minutes
              {s.series && ` · ${s.series.repeats}`}
              {s.cancelReason && ` · Why: ${s.cancelReason}`}
              {s.moved &&
                ` · ${s.moved.coloursSet} colours set, ${s.moved.actionsMoved} actions moved, ${s.moved.nextSteps} next steps`}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

function ScheduleForm({ data, pmId }: { data: CoachingSessionList; pmId: string }) {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const [kind, setKind] = useState<'monthly' | 'weekly'>('monthly');
  const [date, setDate] = useState(tomorrow);
  const [time, setTime] = useState('10:00');
  const [timeZone, setTimeZone] = useState(deviceZone);
  const [repeat, setRepeat] = useState<'' | 'monthly' | 'weekly'>('');
  const [minutes, setMinutes] = useState('60');
  const [coachId, setCoachId] = useState(data.coaches[0]?.id ?? '');
  const schedule = useAction(
    async () => {
      const created = await api<CoachingSession>(
        'POST',
        `/api/pms/${encodeURIComponent(pmId)}/coaching-sessions`,
        {
          kind,
          startsAt: `${date}T${time}`,
          timeZone,
          minutes: Number(minutes),
          repeat: repeat || null,
          ...(data.viewerSide === 'pm' && data.coaches.length > 1 ? { coachId } : {}),
        },
      );
      navigate(`/coaching-sessions/${created.id}`);
    },
    {
      startsAt: 'Date and time',
      timeZone: 'Time zone',
      minutes: 'Length',
      coachId: 'Coach',
      repeat: 'Repeats',
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void schedule.run();
  };
  if (data.viewerSide === 'pm' && data.coaches.length === 0)
    return (
      <Section title="Schedule a coaching session">
        <EmptyState>
          <p>
            You have no coach right now. Once someone coaches you, either of you can schedule a coaching
            session.
          </p>
        </EmptyState>
      </Section>
    );
  return (
    <Section title="Schedule a coaching session">
      <form className="form schedule-form" onSubmit={submit}>
        <Select label="Kind" value={kind} onChange={(e) => setKind(e.target.value as 'monthly' | 'weekly')}>
          <option value="monthly">Monthly coaching session (on the plan)</option>
          <option value="weekly">Weekly check-in (lighter)</option>
        </Select>
        <Field label="Date" type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
        <Field label="Time" type="time" value={time} required onChange={(e) => setTime(e.target.value)} />
        <TimeZoneSelect value={timeZone} onChange={setTimeZone} />
        <Select
          label="Repeats"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value as '' | 'monthly' | 'weekly')}
        >
          <option value="">Does not repeat</option>
          <option value="monthly">{repeatWords(date, 'monthly')}</option>
          <option value="weekly">{repeatWords(date, 'weekly')}</option>
        </Select>
        <Select label="Length" value={minutes} onChange={(e) => setMinutes(e.target.value)}>
          {[30, 45, 60, 90].map((m) => (
            <option key={m} value={m}>
              {m} minutes
            </option>
          ))}
        </Select>
        {data.viewerSide === 'pm' && data.coaches.length > 1 && (
          <Select label="With" value={coachId} onChange={(e) => setCoachId(e.target.value)}>
            {data.coaches.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        )}
        <FormError message={schedule.error} />
        <Button type="submit" pending={schedule.pending} pendingLabel="Scheduling…">
          Schedule
        </Button>
      </form>
    </Section>
  );
}

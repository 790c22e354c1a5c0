import { lazy, Suspense, useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { CoachingSession, Rag } from '../../../../../common/coaching-sessions';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { Field } from '../../../ui/Field';
import { FormError } from '../../../ui/FormError';
import { Loading } from '../../../ui/Loading';
import { Section } from '../../../ui/Section';
import { Select } from '../../../ui/Select';
import { useAction } from '../../../ui/use-action';
import { NudgeButton } from '../nudges/NudgeButton';
import { AutoSaveText } from './AutoSaveText';
import type { SaveOutcome } from '../../../ui/autosave/autosaver';
import { outcomeOfError } from '../../../ui/autosave/use-autosave';
import { ColourHistoryGrid } from './ColourHistoryGrid';
import { kindWords, statusWords, whenOf } from './colour-words';
import { CancelDialog } from './CancelDialog';
import { PitfallGuards } from './PitfallGuards';
import { TimeZoneSelect } from './TimeZoneSelect';
import { ThemeColourPicker } from './ThemeColourPicker';
import { SinceLastTime, dayOf } from './SinceLastTime';
import type { LiveConnection } from './live-connection';
import { useFormDraft } from '../../../ui/autosave/use-form-draft';
import { useLiveSession } from './use-live-session';
import '../../../styles/coaching-sessions.css';

type Call = (method: string, rest: string, body?: unknown) => Promise<CoachingSession>;
type Live = ReturnType<typeof useLiveSession>;

// Yjs and the notes editor load with the page's live connection, not with the app.
const LiveNotes = lazy(() => import('./LiveNotes'));

/** `/coaching-sessions/{id}`: the conversation itself, usable live on a laptop and later on a phone. */
export default function CoachingSessionPage({ coachingSessionId }: { coachingSessionId: string }) {
  const base = `/api/coaching-sessions/${encodeURIComponent(coachingSessionId)}`;
  const live = useLiveSession(coachingSessionId);
  const { setSession } = live;
  const endedHere = useRef(false);
  const call = useCallback<Call>(
    async (method, rest, body) => {
      if (rest === '/end') endedHere.current = true;
      const next = await api<CoachingSession>(method, `${base}${rest}`, body ?? {});
      setSession(next);
      return next;
    },
    [base, setSession],
  );
  const session = live.session;
  // "Ended by the other person": the session went from in progress to held without this page.
  const [endedByOther, setEndedByOther] = useState(false);
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (!session) return;
    if (previous.current === 'in_progress' && session.status === 'held' && !endedHere.current)
      setEndedByOther(true);
    previous.current = session.status;
  }, [session]);
  if (live.status === 'not-found') return <NotFoundPage />;
  if (live.status === 'access-ended' || live.status === 'signed-out')
    return (
      <Page title="Coaching session closed">
        <p role="alert" className="live-status live-ended">
          {live.status === 'access-ended'
            ? 'This pairing has ended, so the coaching session is no longer open to you.'
            : 'You were signed out. Sign in again to carry on.'}
        </p>
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </Page>
    );
  if (!session)
    return live.status === 'lost' ? (
      <p role="status" className="live-status">
        Cannot reach Wheelhouse right now. Trying again…
      </p>
    ) : (
      <Loading />
    );
  const other = session.viewerSide === 'pm' ? session.coach.name : session.pm.name;
  return (
    <Page
      title={`${kindWords[session.kind]} with ${other}`}
      lead={
        <>
          {whenOf(session)} · {session.minutes} minutes ·{' '}
          <span className={`badge status-${session.status}`}>{statusWords[session.status]}</span>
          {session.series && <> · {session.series.repeats}</>}
          {session.cancelReason && <> · Why it was cancelled: {session.cancelReason}</>}
        </>
      }
    >
      <LiveStatusLine live={live} endedBy={endedByOther ? other : null} />
      <SessionBody session={session} call={call} live={live} />
      <p>
        <Link
          className="reflect-link"
          to={`/pms/${session.pm.id}/reflections?about=${encodeURIComponent(`coaching-session:${session.id}`)}`}
        >
          {session.viewerSide === 'pm' ? 'Reflect on this session' : 'Write a private note on this session'}
        </Link>
      </p>
      <NudgeButton
        pmId={session.pm.id}
        pmName={session.pm.name}
        label={`Nudge ${session.pm.name}`}
        hidden={session.viewerSide !== 'coach'}
      />
    </Page>
  );
}

/** Who else is here, and the connection in words (read out when it changes). */
function LiveStatusLine({ live, endedBy }: { live: Live; endedBy: string | null }) {
  const { status, others } = live;
  return (
    <div className="live-status-line" role="status" aria-live="polite">
      {endedBy && <p className="live-status live-ended">{endedBy} ended the coaching session.</p>}
      <p className={`live-status live-${status}`}>
        {status === 'lost'
          ? 'Connection lost. Your edits are kept and sent when it is back.'
          : status === 'connecting'
            ? 'Connecting…'
            : others.length
              ? `${others.join(' and ')} ${others.length > 1 ? 'are' : 'is'} on this page too.`
              : 'Only you are on this page right now.'}
      </p>
    </div>
  );
}

function SessionBody({ session, call, live: channel }: { session: CoachingSession; call: Call; live: Live }) {
  const live = session.status === 'in_progress';
  const open = session.status === 'scheduled' || live;
  const isPm = session.viewerSide === 'pm';
  return (
    <>
      <PitfallGuards guards={session.guards} />
      <Controls session={session} call={call} />
      {open && <FeelingFirst session={session} isPm={isPm} />}
      {session.moved && (
        <Section title="What moved">
          <p>
            {session.moved.coloursSet} colours set · {session.moved.actionsMoved} actions moved ·{' '}
            {session.moved.nextSteps} next steps
          </p>
        </Section>
      )}
      {session.status !== 'cancelled' && <SinceLastTime session={session} />}
      <Agenda session={session} call={call} open={open} />
      <Section
        title="Red, amber, green"
        intro={
          isPm
            ? 'Your colour for each theme is the plan’s colour. Your coach may record their own view beside it; it never replaces yours.'
            : 'The PM’s colour is the plan’s colour. Record your own view beside it where you see it differently.'
        }
      >
        {session.themes.length === 0 ? (
          <EmptyState>
            <p>
              The plan has no themes yet. <Link to={`/pms/${session.pm.id}/plan`}>Open the plan</Link> to add
              them.
            </p>
          </EmptyState>
        ) : (
          <>
            {!live && session.status !== 'held' && (
              <p className="item-meta">
                Colours are set during the coaching session: start it to colour the themes.
              </p>
            )}
            <div className="theme-colours">
              {session.themes.map((t) => (
                <ThemeColourPicker
                  key={t.lineageId}
                  theme={t}
                  side={session.viewerSide}
                  editable={live}
                  onSet={async (colour: Rag, why: string) => {
                    try {
                      await call('PUT', `/colours/${t.themeId}`, { colour, why });
                      return true;
                    } catch {
                      return false;
                    }
                  }}
                />
              ))}
            </div>
          </>
        )}
      </Section>
      <Notes
        session={session}
        call={call}
        connection={channel.connection}
        writable={channel.writable}
        full={channel.notesFull}
      />
      <NextSteps session={session} call={call} live={live} />
      <Section title="Colour history">
        <ColourHistoryGrid history={session.colourHistory} caption="Colour of each theme by month" />
      </Section>
      <p className="section-link">
        <Link to={`/pms/${session.pm.id}/coaching-sessions`}>All coaching sessions</Link> ·{' '}
        <Link to={`/pms/${session.pm.id}/plan`}>The plan</Link>
      </p>
    </>
  );
}

/** The seed's emotion check-in, offered at the start of a coaching session. */
function FeelingFirst({ session, isPm }: { session: CoachingSession; isPm: boolean }) {
  return isPm ? (
    <Section
      title="How do you feel going in?"
      intro="A check-in takes a few seconds: pick an emotion and say why. Your coach sees it unless you make it private."
    >
      <p className="section-link">
        <Link to={`/pms/${session.pm.id}/check-in`}>Check in</Link>
      </p>
    </Section>
  ) : (
    <Section
      title="Start with how they feel"
      intro={`Ask ${session.pm.name} to check in at the start, or look at their recent check-ins and pulses.`}
    >
      <p className="section-link">
        <Link to={`/pms/${session.pm.id}/timeline`}>Recent check-ins on the timeline</Link>
      </p>
    </Section>
  );
}

function Controls({ session, call }: { session: CoachingSession; call: Call }) {
  const announce = useAnnounce();
  const [cancelling, setCancelling] = useState(false);
  const act = useAction(async (verb: 'start' | 'end') => {
    await call('POST', `/${verb}`);
    announce(
      verb === 'start' ? 'Coaching session started.' : 'Coaching session ended; what moved is recorded.',
    );
  });
  const cancel = async (body: { reason: string; scope: 'this' | 'rest' }) => {
    await call('POST', '/cancel', body);
    announce('Coaching session cancelled. The other person is told.');
  };
  if (session.status === 'held' || session.status === 'cancelled') return null;
  return (
    <Section title={session.status === 'scheduled' ? 'Before it starts' : 'In progress'}>
      <div className="toolbar">
        {session.status === 'scheduled' && (
          <>
            <Button onClick={() => void act.run('start')} pending={act.pending} pendingLabel="Working…">
              Start the coaching session
            </Button>
            <Button variant="secondary" onClick={() => setCancelling(true)} disabled={act.pending}>
              Cancel it…
            </Button>
          </>
        )}
        {session.status === 'in_progress' && (
          <Button onClick={() => void act.run('end')} pending={act.pending} pendingLabel="Ending…">
            End the coaching session
          </Button>
        )}
      </div>
      <FormError message={act.error} />
      {session.status === 'scheduled' && <Reschedule session={session} call={call} />}
      <CancelDialog
        session={session}
        open={cancelling}
        onClose={() => setCancelling(false)}
        cancel={cancel}
      />
    </Section>
  );
}

function Reschedule({ session, call }: { session: CoachingSession; call: Call }) {
  const announce = useAnnounce();
  const [date, setDate] = useState(session.localStart.slice(0, 10));
  const [time, setTime] = useState(session.localStart.slice(11));
  const [timeZone, setTimeZone] = useState(session.timeZone);
  const [scope, setScope] = useState<'this' | 'rest'>('this');
  const save = useAction(
    async () => {
      await call('PATCH', '', { startsAt: `${date}T${time}`, timeZone, scope });
      announce('Coaching session rescheduled.');
    },
    { startsAt: 'Date and time', timeZone: 'Time zone' },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <details className="reschedule">
      <summary>Reschedule</summary>
      <form className="form reschedule-form" onSubmit={submit}>
        <Field label="New date" type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
        <Field label="New time" type="time" value={time} required onChange={(e) => setTime(e.target.value)} />
        <TimeZoneSelect value={timeZone} onChange={setTimeZone} />
        {session.series && (
          <Select
            label="Which ones"
            value={scope}
            onChange={(e) => setScope(e.target.value as 'this' | 'rest')}
          >
            <option value="this">Only this one</option>
            <option value="rest">This one and all later ones</option>
          </Select>
        )}
        <FormError message={save.error} />
        <Button type="submit" pending={save.pending}>
          Save the new time
        </Button>
      </form>
    </details>
  );
}

// The prepared items' texts say what they are ("Overdue: …", "Dip in …"); questions get a label.
const kindLabels: Record<string, string> = { question: 'Question', 'check-in': 'Check-in', pulse: 'Pulse' };

const agendaIntro = {
  monthly:
    'Prepared from the plan and the wheel since the last coaching session, with what was not covered last time. Tick items off as you go: what is left carries to the next one.',
  weekly:
    'A short check-in: how the PM has been, what is due this week and one question, with what was not covered last time. What is left carries to the next one.',
} as const;

function Agenda({ session, call, open }: { session: CoachingSession; call: Call; open: boolean }) {
  const [text, setText] = useState('');
  const add = useAction(async () => {
    await call('POST', '/agenda', { text: text.trim() });
    setText('');
    draft.clear();
  });
  const draft = useFormDraft(`session:${session.id}:agenda-item`, text, setText);
  const tick = useAction(async (itemId: string, done: boolean) =>
    call('PATCH', `/agenda/${itemId}`, { done }),
  );
  // Moving sends the whole order; the other person's page is sent it at once.
  const move = useAction(async (index: number, by: -1 | 1) => {
    const ids = session.agenda.map((item) => item.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    await call('PUT', '/agenda/order', { itemIds: ids });
  });
  const isPm = session.viewerSide === 'pm';
  const { byPeople, fromCoach, manyFromCoach } = session.ownership;
  return (
    <Section title="Agenda" intro={agendaIntro[session.kind]}>
      {manyFromCoach && (
        <div className="plan-note ownership-warning">
          <p>
            {isPm
              ? `Your coach added ${fromCoach} of the ${byPeople} items added so far. This conversation is yours: add what matters most to you.`
              : `You added ${fromCoach} of the ${byPeople} items added so far. The coaching session is the PM’s: ask what they want to bring before adding more.`}
          </p>
        </div>
      )}
      {session.agenda.length === 0 ? (
        <EmptyState>
          <p>Nothing on the agenda yet. Add what you want to talk about.</p>
        </EmptyState>
      ) : (
        <ul className="agenda">
          {session.agenda.map((item, index) => (
            <li key={item.id} className={`agenda-item agenda-${item.kind}`}>
              {open && session.agenda.length > 1 && (
                <span className="agenda-move">
                  <button
                    type="button"
                    className="button button-secondary agenda-move-button"
                    aria-label={`Move up: ${item.text}`}
                    disabled={index === 0 || move.pending}
                    onClick={() => void move.run(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button-secondary agenda-move-button"
                    aria-label={`Move down: ${item.text}`}
                    disabled={index === session.agenda.length - 1 || move.pending}
                    onClick={() => void move.run(index, 1)}
                  >
                    ↓
                  </button>
                </span>
              )}
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={item.done}
                  disabled={session.status === 'cancelled' || tick.pending}
                  onChange={(e) => void tick.run(item.id, e.target.checked)}
                />
                <span>
                  {kindLabels[item.kind] && <span className="agenda-kind">{kindLabels[item.kind]}: </span>}
                  {item.text}
                </span>
              </label>
              {(item.detail || item.addedBy || item.carriedFrom) && (
                <p className="item-meta agenda-detail">
                  {item.carriedFrom && (
                    <span className="agenda-carried">Carried from {dayOf(item.carriedFrom)}</span>
                  )}
                  {/* A leading '' puts a separator after the carried mark. */}
                  {[item.carriedFrom && '', item.detail, item.addedBy && `added by ${item.addedBy.name}`]
                    .filter((part) => typeof part === 'string')
                    .join(' · ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormError message={tick.error ?? move.error} />
      {open && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void add.run();
          }}
        >
          <Field
            label="Add to the agenda"
            value={text}
            maxLength={300}
            hint={draft.note || undefined}
            onChange={(e) => setText(e.target.value)}
          />
          <Button type="submit" pending={add.pending} pendingLabel="Adding…" disabled={!text.trim()}>
            Add
          </Button>
          <FormError message={add.error} />
        </form>
      )}
    </Section>
  );
}

function Notes({
  session,
  call,
  connection,
  writable,
  full,
}: {
  session: CoachingSession;
  call: Call;
  connection: LiveConnection | null;
  writable: boolean;
  full: boolean;
}) {
  // The private note sends the version it started from; the shared notes are a live document.
  const savePrivate = async (body: string, version: string): Promise<SaveOutcome> => {
    try {
      const next = await call('PUT', '/private-note', { body, versions: { body: version } });
      return { kind: 'saved', stored: next.privateNote };
    } catch (error) {
      return outcomeOfError(error, 'body');
    }
  };
  const other = session.viewerSide === 'pm' ? 'your coach' : 'the PM';
  return (
    <Section title="Notes">
      {connection && (
        <Suspense fallback={<p className="hint">Loading the shared notes…</p>}>
          <LiveNotes
            connection={connection}
            hint={`You and ${other} both see these as you type. They save as you go.`}
            disabled={!writable}
          />
        </Suspense>
      )}
      <div className="form-error-slot" aria-live="polite">
        {full && (
          <p className="form-error">
            The shared notes are full (20,000 characters), so your last words were not added. Shorten them to
            add more.
          </p>
        )}
      </div>
      <div className="private-note">
        <AutoSaveText
          label={
            <>
              Your private note <span className="badge">Only you see this</span>
            </>
          }
          hint={`Never shown to ${other}, nor anywhere else: not in exports, the timeline or the access log.`}
          field={`session:${session.id}:private-note`}
          value={session.privateNote}
          rows={3}
          onSave={savePrivate}
        />
      </div>
    </Section>
  );
}

function NextSteps({ session, call, live }: { session: CoachingSession; call: Call; live: boolean }) {
  const announce = useAnnounce();
  const [text, setText] = useState('');
  const [themeId, setThemeId] = useState(session.themes[0]?.themeId ?? '');
  const [dueOn, setDueOn] = useState('');
  const isPm = session.viewerSide === 'pm';
  const add = useAction(
    async () => {
      await call('POST', '/next-steps', { text: text.trim(), themeId, dueOn: dueOn || null });
      setText('');
      setDueOn('');
      announce(isPm ? 'Next step added to your plan.' : 'Next step sent to the PM as a suggestion.');
    },
    { text: 'Next step', themeId: 'Theme', dueOn: 'Due date' },
  );
  return (
    <Section
      title="Next steps"
      intro={
        isPm
          ? 'Each next step becomes an action of your plan, on the theme you choose.'
          : 'Each next step reaches the PM as a suggestion on their plan; they accept or decline it.'
      }
    >
      {session.nextSteps.length ? (
        <ul className="list">
          {session.nextSteps.map((s) => (
            <li key={s.id} className="list-item">
              <div className="item-main">
                <p className="item-title">{s.text}</p>
                <p className="item-meta">
                  {s.themeTitle} · {s.became === 'action' ? 'added to the plan' : 'suggested to the PM'}
                </p>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="item-meta">No next steps yet.</p>
      )}
      {live && session.themes.length > 0 && (
        <form
          className="form next-step-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add.run();
          }}
        >
          <Field
            label="Next step"
            value={text}
            required
            maxLength={300}
            onChange={(e) => setText(e.target.value)}
          />
          <Select label="Theme" value={themeId} onChange={(e) => setThemeId(e.target.value)}>
            {session.themes.map((t) => (
              <option key={t.themeId} value={t.themeId}>
                {t.title}
              </option>
            ))}
          </Select>
          <Field
            label="Due (optional)"
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
          />
          <FormError message={add.error} />
          <Button type="submit" pending={add.pending} pendingLabel="Adding…">
            {isPm ? 'Add to my plan' : 'Suggest it'}
          </Button>
        </form>
      )}
      {live && (
        <p className="section-end">
          When you are done, end the coaching session at the top: it records what moved.
        </p>
      )}
    </Section>
  );
}

import { useState, type FormEvent } from 'react';
import { NUDGE_REPLY_MAX, reactionWords } from '../../../../../common/nudge-limits';
import type { Nudge, NudgeReaction, NudgeThread } from '../../../../../common/nudges';
import { api, ApiError } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useMe } from '../../../app/session';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { Field } from '../../../ui/Field';
import { firstName, formatDateTime } from '../../../ui/format';
import { FormError } from '../../../ui/FormError';
import { LoadError, Loading } from '../../../ui/Loading';
import { Section } from '../../../ui/Section';
import { useAction } from '../../../ui/use-action';
import { NudgeButton } from './NudgeButton';
import { WelcomeLine } from './WelcomeLine';

const reactions: NudgeReaction[] = ['done', 'thanks', 'not-now'];

/** `/pms/{id}/nudges`: the nudges of this pairing, newest first; the PM reacts and answers. */
export default function NudgesPage({ pmId }: { pmId: string }) {
  const me = useMe();
  const base = `/api/pms/${encodeURIComponent(pmId)}/nudges`;
  const first = useResource<NudgeThread>(base);
  const [changed, setChanged] = useState<Record<string, Nudge>>({});
  const [older, setOlder] = useState<{ nudges: Nudge[]; next: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState('');

  if (first.error && [400, 403, 404].includes(first.error.status)) return <NotFoundPage />;
  if (first.error) return <LoadError error={first.error} retry={first.reload} />;
  if (!first.data) return <Loading />;
  const isPm = me.id === pmId;
  const { welcome } = first.data;
  const nudges = [...first.data.nudges, ...(older?.nudges ?? [])].map((n) => changed[n.id] ?? n);
  const next = older ? older.next : first.data.nextBefore;
  const pmName = welcome?.pm.name ?? me.name;
  const update = (n: Nudge) => setChanged((c) => ({ ...c, [n.id]: n }));

  const loadMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    setMoreError('');
    try {
      const page = await api<NudgeThread>('GET', `${base}?before=${encodeURIComponent(next)}`);
      setOlder((o) => ({ nudges: [...(o?.nudges ?? []), ...page.nudges], next: page.nextBefore }));
    } catch (e) {
      setMoreError(e instanceof ApiError ? e.message : 'Could not load older nudges. Please try again.');
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page
      title={isPm ? 'Your nudges' : `Nudges to ${firstName(pmName)}`}
      lead={
        isPm
          ? 'Short notes from your coach between sessions. React with one tap or answer in a line; your coach sees it.'
          : `Your nudges to ${firstName(pmName)} during this pairing, with their reactions and answers.`
      }
    >
      {welcome && (
        <Section title="Send a nudge">
          <WelcomeLine welcome={welcome} />
          <NudgeButton
            pmId={pmId}
            pmName={pmName}
            label="Write a nudge"
            variant="primary"
            welcome={welcome}
            onSent={() => {
              setOlder(null);
              first.reload();
            }}
          />
        </Section>
      )}
      <Section title="Nudges">
        {nudges.length === 0 ? (
          <EmptyState>
            {isPm ? (
              <p>No nudges yet. When your coach sends one, it shows here and in your inbox.</p>
            ) : (
              <p>
                No nudges yet. Start from a <Link to={`/pms/${pmId}#nudge-ideas`}>nudge idea</Link> or write
                your own.
              </p>
            )}
          </EmptyState>
        ) : (
          <ol className="list nudge-thread">
            {nudges.map((n) => (
              <NudgeItem key={n.id} nudge={n} pmId={pmId} isPm={isPm} onChange={update} />
            ))}
          </ol>
        )}
        {next && (
          <p>
            <Button
              variant="secondary"
              pending={loadingMore}
              pendingLabel="Loading…"
              onClick={() => void loadMore()}
            >
              Older nudges
            </Button>
          </p>
        )}
        <FormError message={moreError} />
      </Section>
      <p className="hint">
        <Link to={`/pms/${pmId}`}>{isPm ? 'Your overview' : `${firstName(pmName)}’s overview`}</Link> ·{' '}
        <Link to={`/pms/${pmId}/timeline`}>Timeline</Link>
      </p>
    </Page>
  );
}

function NudgeItem({
  nudge,
  pmId,
  isPm,
  onChange,
}: {
  nudge: Nudge;
  pmId: string;
  isPm: boolean;
  onChange: (n: Nudge) => void;
}) {
  const announce = useAnnounce();
  const base = `/api/pms/${encodeURIComponent(pmId)}/nudges/${encodeURIComponent(nudge.id)}`;
  const [reply, setReply] = useState('');
  const react = useAction((reaction: NudgeReaction) => api<Nudge>('POST', `${base}/reaction`, { reaction }));
  const answer = useAction((text: string) => api<Nudge>('POST', `${base}/reply`, { text }), {
    text: 'Your answer',
  });
  const headingId = `nudge-${nudge.id}-title`;
  const onReact = async (reaction: NudgeReaction) => {
    const next = await react.run(reaction);
    if (!next) return;
    onChange(next);
    announce(`Reacted “${reactionWords[reaction]}”. ${firstName(nudge.coach.name)} sees it.`);
  };
  const onReply = async (e: FormEvent) => {
    e.preventDefault();
    const next = await answer.run(reply.trim());
    if (!next) return;
    onChange(next);
    setReply('');
    announce(`Answer sent to ${firstName(nudge.coach.name)}.`);
  };
  return (
    <li className="list-item nudge" id={`nudge-${nudge.id}`} aria-labelledby={headingId}>
      <div className="item-main">
        <p className="item-meta" id={headingId}>
          From {nudge.coach.name} · {formatDateTime(nudge.createdAt)}
          {nudge.about.title ? ` · About: ${nudge.about.title}` : ''}
        </p>
        <p className="nudge-text">{nudge.text}</p>
        {nudge.responses.length > 0 && (
          <ul className="nudge-responses" aria-label={isPm ? 'Your answers' : 'Answers'}>
            {nudge.responses.map((r) => (
              <li key={r.id}>
                {r.reaction ? <span className="badge">{reactionWords[r.reaction]}</span> : <q>{r.text}</q>}{' '}
                <span className="item-meta">{formatDateTime(r.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
        {isPm && (
          <>
            <div className="toolbar" role="group" aria-label="React">
              {reactions.map((reaction) => (
                <Button
                  key={reaction}
                  variant={nudge.reaction === reaction ? 'primary' : 'secondary'}
                  aria-pressed={nudge.reaction === reaction}
                  disabled={react.pending}
                  onClick={() => void onReact(reaction)}
                >
                  {reactionWords[reaction]}
                </Button>
              ))}
            </div>
            <FormError message={react.error} />
            <form className="form nudge-reply" onSubmit={onReply}>
              <Field
                label="Answer in a line"
                value={reply}
                maxLength={NUDGE_REPLY_MAX}
                required
                onChange={(e) => setReply(e.target.value)}
              />
              <FormError message={answer.error} />
              <Button type="submit" variant="secondary" pending={answer.pending} pendingLabel="Sending…">
                Send answer
              </Button>
            </form>
          </>
        )}
      </div>
    </li>
  );
}

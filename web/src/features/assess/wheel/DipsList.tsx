import '../../../styles/wheel-home.css';
import type { Dip } from '../../../../../common/wheel-rounds';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';

/** One PM's dips. `name` null: the viewer's own. */
export interface PmDips {
  pm: { id: string; name: string | null };
  dips: Dip[];
}

/** Dips in each PM's latest round, with the PM's note: topics for the next conversation. */
export function DipsList({ lists }: { lists: PmDips[] }) {
  const dips = lists.flatMap(({ pm, dips }) => dips.map((dip) => ({ pm, dip })));
  if (dips.length === 0) {
    return (
      <EmptyState>
        <p>
          No dips in the latest round{lists.length > 1 ? 's' : ''}. When a self-score drops clearly (an area 2
          points below its recent level, the middle of the last three checks, or one statement 3 points), it
          shows here as a topic for your next conversation.
        </p>
      </EmptyState>
    );
  }
  return (
    <ul className="list dips">
      {dips.map(({ pm, dip }) => (
        <li
          key={`${pm.id}-${dip.roundId ?? dip.selfCheckId}-${dip.statementKey ?? dip.areaKey}`}
          className="list-item dip"
        >
          <div className="item-main">
            <p className="item-title">
              {pm.name ? `${pm.name}: ` : ''}
              {dip.statementText ? `${dip.areaName}, “${dip.statementText}”` : dip.areaName} dropped to{' '}
              {dip.score.toFixed(1)}
            </p>
            <p className="item-meta">
              {dip.source === 'self-check'
                ? `In ${pm.name ? `${pm.name}'s` : 'your'} self-check of ${formatDate(dip.revealedAt)}`
                : dip.roundTitle}
              : {dip.drop.toFixed(1)} below {pm.name ? `${pm.name}'s` : 'your'} recent level of{' '}
              {dip.recentLevel.toFixed(1)}
            </p>
            {dip.note ? (
              <blockquote className="dip-note">
                <p>
                  <span className="visually-hidden">{pm.name ? `${pm.name}'s` : 'Your'} note: </span>“
                  {dip.note}”
                </p>
              </blockquote>
            ) : (
              <NoNote pmId={pm.id} isMe={!pm.name} dip={dip} />
            )}
          </div>
          {dip.roundId ? (
            <Link to={`/rounds/${dip.roundId}`}>
              Open the wheel
              <span className="visually-hidden">
                {' '}
                of {dip.roundTitle}
                {pm.name ? ` for ${pm.name}` : ''}
              </span>
            </Link>
          ) : (
            <Link to={`/pms/${pm.id}/self-checks`}>
              Open the self-checks
              <span className="visually-hidden">{pm.name ? ` of ${pm.name}` : ''}</span>
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Without a note: the coach is prompted to ask; the PM to say what is behind it (words for the reader). */
function NoNote({ pmId, isMe, dip }: { pmId: string; isMe: boolean; dip: Dip }) {
  if (!isMe) return <p className="item-meta">No note on this. Ask what changed.</p>;
  if (dip.selfCheckId)
    return (
      <p className="item-meta">
        What is behind it?{' '}
        <Link to={`/pms/${pmId}/self-checks?note=${encodeURIComponent(dip.selfCheckId)}`}>
          Add a private note
          <span className="visually-hidden"> to your self-check of {formatDate(dip.revealedAt)}</span>
        </Link>{' '}
        (only you see it).
      </p>
    );
  return <p className="item-meta">No note on this. What changed? Worth a word at your next session.</p>;
}

/** One PM's dips, loaded on their own (the wheel page; home pages get dips with their summary). */
export function PmDipsList({ pm }: { pm: PmDips['pm'] }) {
  const dips = useResource<Dip[]>(`/api/pms/${encodeURIComponent(pm.id)}/dips`);
  return <Loaded resource={dips}>{(list) => <DipsList lists={[{ pm, dips: list }]} />}</Loaded>;
}

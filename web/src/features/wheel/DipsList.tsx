import '../../styles/wheel-home.css';
import { useEffect, useState } from 'react';
import type { Dip } from '../../../../common/wheel-rounds';
import { api, ApiError } from '../../api';
import { Link } from '../../app/router';
import { EmptyState } from '../../ui/EmptyState';
import { LoadError, Loading } from '../../ui/Loading';

interface DipsListProps {
  /** Whose dips: one PM on their wheel; every coached PM on a coach's home. `name` null: the viewer. */
  pms: { id: string; name: string | null }[];
}

/** Dips in each PM's latest round, with the PM's note: topics for the next conversation. */
export function DipsList({ pms }: DipsListProps) {
  const key = pms.map((p) => p.id).join(',');
  const [state, setState] = useState<{
    key: string;
    dips?: { pm: DipsListProps['pms'][number]; dip: Dip }[];
    error?: ApiError;
  }>({ key });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    Promise.all(
      pms.map(async (pm) => (await api<Dip[]>('GET', `/api/pms/${pm.id}/dips`)).map((dip) => ({ pm, dip }))),
    ).then(
      (lists) => live && setState({ key, dips: lists.flat() }),
      (error: ApiError) => live && setState({ key, error }),
    );
    return () => {
      live = false;
    };
    // `key` stands for the list of PMs.
  }, [key, attempt]);
  if (state.error) return <LoadError error={state.error} retry={() => setAttempt((a) => a + 1)} />;
  if (!state.dips || state.key !== key) return <Loading />;
  if (state.dips.length === 0) {
    return (
      <EmptyState>
        <p>
          No dips in the latest round{pms.length > 1 ? 's' : ''}. When a self-score drops clearly (2 points
          below the average of the last three rounds), it shows here as a topic for your next conversation.
        </p>
      </EmptyState>
    );
  }
  return (
    <ul className="list dips">
      {state.dips.map(({ pm, dip }) => (
        <li key={`${pm.id}-${dip.roundId}-${dip.areaKey}`} className="list-item dip">
          <div className="item-main">
            <p className="item-title">
              {pm.name ? `${pm.name}: ` : ''}
              {dip.areaName} dropped to {dip.score.toFixed(1)}
            </p>
            <p className="item-meta">
              {dip.roundTitle}: {dip.drop.toFixed(1)} below {pm.name ? `${pm.name}'s` : 'your'} recent average
              of {dip.recentMean.toFixed(1)}
            </p>
            {dip.note ? (
              <blockquote className="dip-note">
                <p>
                  <span className="visually-hidden">{pm.name ? `${pm.name}'s` : 'Your'} note: </span>“
                  {dip.note}”
                </p>
              </blockquote>
            ) : (
              <p className="item-meta">No note on this area. Ask what changed.</p>
            )}
          </div>
          <Link to={`/rounds/${dip.roundId}`}>
            Open the wheel
            <span className="visually-hidden">
              {' '}
              of {dip.roundTitle}
              {pm.name ? ` for ${pm.name}` : ''}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

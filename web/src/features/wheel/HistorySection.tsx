import type { History } from '../../../../common/wheel-rounds';
import { useResource } from '../../app/use-resource';
import { EmptyState } from '../../ui/EmptyState';
import { Loaded } from '../../ui/Loaded';
import { Section } from '../../ui/Section';
import { Legend } from './Legend';
import { score } from './scores';
import { seriesLabel } from './series';
import { Sparkline } from './Sparkline';

/** Each area's scores over the rounds: small multiples, and the same numbers in a table. */
export function HistorySection({ pmId, isMe }: { pmId: string; isMe: boolean }) {
  const history = useResource<History>(`/api/pms/${encodeURIComponent(pmId)}/history`);
  return (
    <Section
      title="History by area"
      intro={isMe ? 'How each area moved over your rounds.' : 'How each area moved over the rounds.'}
    >
      <Loaded resource={history}>
        {(h) =>
          h.rounds.length === 0 || !h.scale ? (
            <EmptyState>
              <p>
                No history yet. After the first round both of you have submitted, each area's scores appear
                here, round after round.
              </p>
            </EmptyState>
          ) : (
            <HistoryBody history={h} scale={h.scale} />
          )
        }
      </Loaded>
    </Section>
  );
}

function HistoryBody({ history, scale }: { history: History; scale: { min: number; max: number } }) {
  const first = history.rounds[0]!;
  const peers = history.areas.some((a) => a.points.some((p) => p.peers !== null));
  return (
    <>
      <Legend
        series={[
          { key: 'self', label: seriesLabel('self'), values: [] },
          { key: 'coach', label: 'Coach assessment', values: [] },
        ]}
      />
      <ul className="multiples">
        {history.areas.map((area) => {
          const self = area.points.map((p) => p.self);
          const coach = area.points.map((p) => p.coach);
          const lastSelf = self.findLast((v) => v !== null);
          const firstSelf = self.find((v) => v !== null);
          return (
            <li key={area.key} className="multiple">
              <h3>{area.name}</h3>
              <Sparkline
                scale={scale}
                lines={[
                  { key: 'self', values: self },
                  { key: 'coach', values: coach },
                ]}
              />
              <p className="item-meta">
                Self {score(lastSelf)}
                {history.rounds.length > 1 && firstSelf !== undefined
                  ? ` (${score(firstSelf)} in ${first.title})`
                  : ''}{' '}
                · Coach {score(coach.findLast((v) => v !== null))}
              </p>
            </li>
          );
        })}
      </ul>
      <details className="more history-table">
        <summary>All scores as a table</summary>
        <div className="table-scroll" tabIndex={0} role="group" aria-label="Scores by area and round">
          <table className="table">
            <caption className="visually-hidden">
              Scores by area and round, oldest first. Each cell: self / coach{peers ? ' / peers' : ''}.
            </caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                {history.rounds.map((r) => (
                  <th key={r.id} scope="col">
                    {r.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {history.areas.map((area) => (
                <tr key={area.key}>
                  <th scope="row">{area.name}</th>
                  {area.points.map((p) => (
                    <td key={p.roundId}>
                      {score(p.self)} / {score(p.coach)}
                      {peers ? ` / ${score(p.peers)}` : ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">
          Each cell: self / coach{peers ? ' / peers' : ''}. Older rounds on another scale are converted to the
          latest one.
        </p>
      </details>
    </>
  );
}

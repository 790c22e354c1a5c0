import type { Comparison } from '../../../../../common/wheel-rounds';
import { score, signed } from './scores';

/** The wheel's numbers as a table: the chart's text alternative, useful to everyone. */
export function ScoresTable({ comparison, caption }: { comparison: Comparison; caption: string }) {
  const peers = comparison.peerCount !== null && comparison.areas.some((a) => a.peers !== null);
  const previous = comparison.previousRoundId !== null;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table scores-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Self</th>
            <th scope="col">Coach</th>
            {peers && <th scope="col">Peers</th>}
            <th scope="col">Gap (self − coach)</th>
            {previous && <th scope="col">Self since last round</th>}
            {previous && <th scope="col">Coach since last round</th>}
          </tr>
        </thead>
        <tbody>
          {comparison.areas.map((a) => (
            <tr key={a.key}>
              <th scope="row">{a.name}</th>
              <td>{score(a.self)}</td>
              <td>{score(a.coach)}</td>
              {peers && <td>{score(a.peers)}</td>}
              <td>{signed(a.self - a.coach)}</td>
              {previous && <td>{signed(a.change.self)}</td>}
              {previous && <td>{signed(a.change.coach)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

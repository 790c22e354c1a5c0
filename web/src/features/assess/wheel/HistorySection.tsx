import { useState } from 'react';
import type { History } from '../../../../../common/wheel-rounds';
import { api } from '../../../api';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { Legend } from './Legend';
import { score } from './scores';
import { seriesLabel } from './series';
import { Sparkline } from './Sparkline';
import { joinPages } from './history-pages';

/** Each area's scores over the rounds: small multiples, and the same numbers in a table. */
export function HistorySection({ pmId, isMe }: { pmId: string; isMe: boolean }) {
  const url = `/api/pms/${encodeURIComponent(pmId)}/history`;
  const history = useResource<History>(url);
  return (
    <Section
      title="History by area"
      intro={
        isMe
          ? 'How each area moved over your rounds and self-checks (yours at once, before any reveal).'
          : 'How each area moved over the revealed rounds and the self-checks shared with you.'
      }
    >
      <Loaded resource={history}>
        {(h) =>
          (h.rounds.length === 0 && h.selfChecks.length === 0) || !h.scale ? (
            <EmptyState>
              <p>
                No history yet. After the first round both of you have submitted, each area's scores appear
                here, round after round.
              </p>
            </EmptyState>
          ) : (
            <Paged latest={h} url={url} isMe={isMe} />
          )
        }
      </Loaded>
    </Section>
  );
}

/**
 * The latest page, and the earlier pages the reader asked for with "Show earlier" (each one more
 * request of 12 columns: the answer's size does not grow with the whole history).
 */
function Paged({ latest, url, isMe }: { latest: History; url: string; isMe: boolean }) {
  const [loaded, setLoaded] = useState<{ for: History; earlier: History | null }>({
    for: latest,
    earlier: null,
  });
  // A reload of the latest page starts again from it.
  const earlier = loaded.for === latest ? loaded.earlier : null;
  const shown = earlier ? joinPages(earlier, latest) : latest;
  const more = useAction(async () => {
    const page = await api<History>('GET', `${url}?before=${encodeURIComponent(shown.earlierCursor!)}`);
    setLoaded({ for: latest, earlier: earlier ? joinPages(page, earlier) : page });
  });
  return (
    <>
      <HistoryBody history={shown} scale={latest.scale!} isMe={isMe} />
      {shown.earlierCursor && (
        <div className="actions">
          <Button
            variant="secondary"
            pending={more.pending}
            pendingLabel="Loading…"
            onClick={() => void more.run()}
          >
            Show earlier ({shown.earlier} more)
          </Button>
        </div>
      )}
      <FormError message={more.error} />
    </>
  );
}

/** One column of the history: a round, or a self-check (its own entry, dated and labelled). */
interface Column {
  key: string;
  label: string;
  at: string;
  point: (area: History['areas'][number]) => {
    self: number | null;
    coach: number | null;
    peers: number | null;
  };
}

/** Rounds and self-checks in date order, each reading its own points of an area. */
function columnsOf(history: History, isMe: boolean): Column[] {
  const rounds: Column[] = history.rounds.map((r, i) => ({
    key: r.id,
    label: r.revealedAt ? r.title : `${r.title} (your side; not revealed yet)`,
    at: r.createdAt,
    point: (area) => area.points[i] ?? { self: null, coach: null, peers: null },
  }));
  const checks: Column[] = history.selfChecks.map((c, i) => ({
    key: c.id,
    label: `Self-check, ${formatDate(c.submittedAt)}${isMe && !c.sharedAt ? ' (private)' : ''}`,
    at: c.submittedAt,
    point: (area) => ({ self: area.selfCheckPoints[i]?.self ?? null, coach: null, peers: null }),
  }));
  return [...rounds, ...checks].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function HistoryBody({
  history,
  scale,
  isMe,
}: {
  history: History;
  scale: { min: number; max: number };
  isMe: boolean;
}) {
  const columns = columnsOf(history, isMe);
  const first = columns[0]!;
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
          const points = columns.map((c) => c.point(area));
          const self = points.map((p) => p.self);
          const coach = points.map((p) => p.coach);
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
                {columns.length > 1 && firstSelf !== undefined
                  ? ` (${score(firstSelf)} in ${first.label})`
                  : ''}{' '}
                · Coach {score(coach.findLast((v) => v !== null))}
              </p>
            </li>
          );
        })}
      </ul>
      <details className="more history-table">
        <summary>All scores as a table</summary>
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label="Scores by area, round and self-check"
        >
          <table className="table">
            <caption className="visually-hidden">
              Scores by area, oldest first. Each round cell: self / coach{peers ? ' / peers' : ''}; each
              self-check cell: the self-score.
            </caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {history.areas.map((area) => (
                <tr key={area.key}>
                  <th scope="row">{area.name}</th>
                  {columns.map((c) => {
                    const p = c.point(area);
                    const isCheck = history.selfChecks.some((s) => s.id === c.key);
                    return (
                      <td key={c.key}>
                        {isCheck
                          ? score(p.self)
                          : `${score(p.self)} / ${score(p.coach)}${peers ? ` / ${score(p.peers)}` : ''}`}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">
          Each round cell: self / coach{peers ? ' / peers' : ''}; a self-check has the self-score only. Older
          scores on another scale are converted to the latest one.
        </p>
      </details>
    </>
  );
}

import type { Comparison } from '../../../../../common/wheel-rounds';
import type { Perspective } from './perspective';

/** The notes each side wrote per area, and peers' notes without names (areas without notes are left out). */
export function AreaNotes({ comparison, perspective }: { comparison: Comparison; perspective: Perspective }) {
  const withNotes = comparison.areas.filter((a) => a.selfNote || a.coachNote || a.peerNotes.length);
  if (withNotes.length === 0)
    return (
      <p className="empty-state">
        No notes this round. A note on an area helps the other side understand a score.
      </p>
    );
  const pm = perspective.viewerIsPm ? 'You' : perspective.pm;
  const coach = perspective.viewerIsCoach ? 'You' : perspective.coach;
  return (
    <dl className="area-notes">
      {withNotes.map((a) => (
        <div key={a.key}>
          <dt>{a.name}</dt>
          {a.selfNote && (
            <dd>
              <span className="note-author">{pm}:</span> {a.selfNote}
            </dd>
          )}
          {a.coachNote && (
            <dd>
              <span className="note-author">{coach} (coach):</span> {a.coachNote}
            </dd>
          )}
          {a.peerNotes.map((note, i) => (
            <dd key={i}>
              <span className="note-author">A peer:</span> {note}
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

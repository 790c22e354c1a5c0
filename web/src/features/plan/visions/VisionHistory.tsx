import type { Vision } from '../../../../../common/visions';
import { useMe } from '../../../app/session';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { Section } from '../../../ui/Section';
import { who } from './vision-words';
import { VisionText } from './VisionText';

const outcome = { open: 'Open', agreed: 'Agreed', replaced: 'Changed', withdrawn: 'Withdrawn' };

/** Every earlier proposal, newest first: readable, each with who proposed and what became of it. */
export function VisionHistory({ vision }: { vision: Vision }) {
  const me = useMe();
  const earlier = vision.history.filter((v) => v.id !== vision.proposal?.id && v.id !== vision.agreed?.id);
  return (
    <Section title="Earlier versions">
      {earlier.length === 0 ? (
        <EmptyState>
          <p>No earlier versions yet. Each proposal and agreement stays readable here.</p>
        </EmptyState>
      ) : (
        <ul className="list vision-history">
          {earlier.map((v) => (
            <li key={v.id} className="list-item">
              <details className="item-main">
                <summary>
                  {formatDate(v.proposedAt)}: proposed by {who(v.proposedBy, me.id)}{' '}
                  <span className={`badge ${v.status === 'agreed' ? 'badge-accepted' : ''}`}>
                    {outcome[v.status]}
                  </span>
                </summary>
                <VisionText version={v} />
                {v.decidedAt && (
                  <p className="item-meta">
                    {outcome[v.status]} by {who(v.decidedBy, me.id)} on {formatDate(v.decidedAt)}.
                  </p>
                )}
              </details>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

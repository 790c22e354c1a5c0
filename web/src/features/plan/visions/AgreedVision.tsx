import type { Vision } from '../../../../../common/visions';
import { useMe } from '../../../app/session';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate, fromNow } from '../../../ui/format';
import { Section } from '../../../ui/Section';
import { who, type VisionReader } from './vision-words';
import { VisionText } from './VisionText';

/** What the pair last agreed on, when, and whether a quarterly revisit is due. */
export function AgreedVision({ vision, pm }: { vision: Vision; pm: VisionReader }) {
  const me = useMe();
  const agreed = vision.agreed;
  return (
    <Section title="Agreed">
      {!agreed ? (
        <EmptyState>
          <p>
            Nothing agreed yet. {pm.isMe ? 'Propose' : `Propose, or wait for ${pm.first} to propose,`} a Next
            Bigger Challenge and a career direction below; it is agreed once the other side accepts.
          </p>
        </EmptyState>
      ) : (
        <>
          <VisionText version={agreed} />
          <p className="item-meta">
            Proposed by {who(agreed.proposedBy, me.id)} on {formatDate(agreed.proposedAt)}, accepted by{' '}
            {who(agreed.decidedBy, me.id)}
            {agreed.decidedAt && ` on ${formatDate(agreed.decidedAt)}`}.
          </p>
        </>
      )}
      {vision.lastRevisitedAt && (
        <p className={vision.revisitDue ? 'plan-note' : 'hint'}>
          Last revisited {formatDate(vision.lastRevisitedAt)}.{' '}
          {vision.revisitDue
            ? 'A quarter has passed: time to revisit it together. Propose it again as it is, or with changes.'
            : vision.revisitDueAt &&
              `Next revisit ${fromNow(vision.revisitDueAt)} (${formatDate(vision.revisitDueAt)}).`}
        </p>
      )}
    </Section>
  );
}

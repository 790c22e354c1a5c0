import type { Vision } from '../../../../../common/visions';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { focusSectionHeading } from '../../../ui/focus';
import { FormError } from '../../../ui/FormError';
import { formatDateTime } from '../../../ui/format';
import { Section } from '../../../ui/Section';
import { useAction } from '../../../ui/use-action';
import { ProposeForm } from './ProposeForm';
import { Who, type VisionReader } from './vision-words';
import { VisionText } from './VisionText';

/** The open proposal (who proposed it, when) with Accept / Withdraw, and the form to propose (a change). */
export function OpenProposal({
  vision,
  pm,
  onChange,
}: {
  vision: Vision;
  pm: VisionReader;
  onChange: (v: Vision) => void;
}) {
  const me = useMe();
  const announce = useAnnounce();
  const proposal = vision.proposal;
  const other = pm.isMe ? 'your coach' : pm.first;
  const decide = useAction(async (verb: 'accept' | 'withdraw', id: string) => {
    const next = await api<Vision>(
      'POST',
      `/api/pms/${encodeURIComponent(vision.pmId)}/vision/proposals/${id}/${verb}`,
    );
    onChange(next);
    return next;
  });
  const run = async (verb: 'accept' | 'withdraw', button: Element) => {
    if (!proposal) return;
    focusSectionHeading(button);
    if (await decide.run(verb, proposal.id))
      announce(verb === 'accept' ? 'Agreed. The shared vision is updated.' : 'Proposal withdrawn.');
  };
  return (
    <Section title={proposal ? 'Proposed' : 'Propose'}>
      {proposal ? (
        <>
          <p className="item-meta">
            {Who(proposal.proposedBy, me.id)} proposed this on {formatDateTime(proposal.proposedAt)}.{' '}
            {vision.viewer.canAccept
              ? 'Accept it, or propose a change.'
              : `Waiting for ${other} to accept it or propose a change.`}
          </p>
          <VisionText version={proposal} />
          <FormError message={decide.error} />
          <div className="toolbar">
            {vision.viewer.canAccept && (
              <Button
                onClick={(e) => void run('accept', e.currentTarget)}
                pending={decide.pending}
                pendingLabel="Working…"
              >
                Accept
              </Button>
            )}
            {vision.viewer.canWithdraw && (
              <Button
                variant="secondary"
                onClick={(e) => void run('withdraw', e.currentTarget)}
                pending={decide.pending}
                pendingLabel="Working…"
              >
                Withdraw
              </Button>
            )}
          </div>
          <details className="more">
            <summary>Propose a change</summary>
            <ProposeForm
              vision={vision}
              start={proposal}
              onProposed={onChange}
              submitLabel="Propose this change"
            />
          </details>
        </>
      ) : (
        <>
          <p className="section-intro">
            {vision.agreed
              ? 'Revisiting? Propose it again as it is, or with changes.'
              : `Name the next step and the longer-term direction. ${pm.isMe ? 'Your coach' : pm.first} accepts or proposes a change.`}
          </p>
          <ProposeForm vision={vision} start={vision.agreed} onProposed={onChange} submitLabel="Propose" />
        </>
      )}
    </Section>
  );
}

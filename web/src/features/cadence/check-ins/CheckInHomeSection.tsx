import type { PulseBoard } from '../../../../../common/check-ins';
import { Link } from '../../../app/router';
import type { Resource } from '../../../app/use-resource';
import { Section } from '../../../ui/Section';
import { PulseRow } from './PulseRow';
import '../../../styles/check-ins.css';

/** The PM's home: check in with one tap, a one-tap pulse, and the way to their timeline. */
export function CheckInHomeSection({ meId, pulses }: { meId: string; pulses: Resource<PulseBoard> }) {
  return (
    <Section title="How are you doing?">
      <p>
        <Link className="button button-primary check-in-link" to={`/pms/${meId}/check-in`}>
          How do you feel?
        </Link>
      </p>
      <PulseRow pmId={meId} loaded={pulses} />
      <p className="section-link">
        <Link to={`/pms/${meId}/timeline`}>Open your timeline</Link>
      </p>
    </Section>
  );
}

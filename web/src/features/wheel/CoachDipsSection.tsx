import type { Pair } from '../../../../common/schemas';
import { Section } from '../../ui/Section';
import { DipsList } from './DipsList';

/** The coach's home: dips in each PM's latest round, as topics for the next conversation. */
export function CoachDipsSection({ myPms }: { myPms: Pair[] }) {
  if (myPms.length === 0) return null;
  return (
    <Section
      title="Dips to talk about"
      intro="A clear drop in a PM's self-score often hides something else: a stakeholder conflict, a rough launch. Ask about it next time."
    >
      <DipsList pms={myPms.map((p) => ({ id: p.pm.id, name: p.pm.name }))} />
    </Section>
  );
}

import type { PmSummary } from '../../../../../common/home';
import type { Resource } from '../../../app/use-resource';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { DipsList } from './DipsList';

/** The coach's home: dips in each PM's latest round, as topics for the next conversation. */
export function CoachDipsSection({ coached }: { coached: Resource<PmSummary[]> }) {
  return (
    <Section
      title="Dips to talk about"
      intro="A clear drop in a PM's self-score often hides something else: a stakeholder conflict, a rough launch. Ask about it next time."
    >
      <Loaded resource={coached}>
        {(summaries) => <DipsList lists={summaries.map(({ pm, dips }) => ({ pm, dips }))} />}
      </Loaded>
    </Section>
  );
}

import type { Comparison, RoundDetail } from '../../../../../common/wheel-rounds';
import { Section } from '../../../ui/Section';
import { AreaNotes } from './AreaNotes';
import { ChangeSummary } from './ChangeSummary';
import { GapsList } from './GapsList';
import type { Perspective } from './perspective';
import { ScoresTable } from './ScoresTable';
import { WheelChart } from './WheelChart';

/** The revealed round: the wheel, the gaps, the change since last time, notes and Next Bigger Challenges. */
export function ComparisonView({
  round,
  comparison: c,
  perspective,
}: {
  round: RoundDetail;
  comparison: Comparison;
  perspective: Perspective;
}) {
  const whose = perspective.viewerIsPm ? 'Your' : `${perspective.pm}'s`;
  return (
    <>
      {c.dips.length > 0 && (
        <div className="notice dip-notice">
          <p className="notice-title">A dip to talk about</p>
          {c.dips.map((d) => (
            <p key={d.statementKey ?? d.areaKey}>
              {d.statementText ? `${d.areaName}, “${d.statementText}”` : d.areaName}: self-score{' '}
              {d.score.toFixed(1)}, {d.drop.toFixed(1)} below the recent level of {d.recentLevel.toFixed(1)}.
              {d.note ? ` ${whose} note: “${d.note}”` : ''}
            </p>
          ))}
        </div>
      )}
      <Section title="The wheel">
        <WheelChart comparison={c} title={`${whose} wheel, ${round.title}`} />
      </Section>
      <Section
        title="Scores by area"
        intro={`Each area's score is the mean of its statements, from ${c.scale.min} to ${c.scale.max}.`}
      >
        <ScoresTable comparison={c} caption={`Scores by area, ${round.title}`} />
      </Section>
      <Section
        title="Perception gaps"
        intro="Largest first. A gap is not a verdict: it is where a conversation starts."
      >
        <GapsList gaps={c.perceptionGaps} perspective={perspective} />
      </Section>
      <Section title="Since the previous round">
        <ChangeSummary comparison={c} />
      </Section>
      <Section title="Next Bigger Challenge">
        <dl className="facts">
          <dt>{perspective.viewerIsCoach ? 'You' : perspective.coach} (coach)</dt>
          <dd>{c.nextBiggerChallenge.coach ?? 'Not named.'}</dd>
          <dt>{perspective.viewerIsPm ? 'You' : perspective.pm}</dt>
          <dd>{c.nextBiggerChallenge.self ?? 'Not named.'}</dd>
        </dl>
      </Section>
      <Section title="Notes by area">
        <AreaNotes comparison={c} perspective={perspective} />
      </Section>
    </>
  );
}

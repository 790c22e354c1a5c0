import { Section } from '../../../ui/Section';
import { CoachThemes } from './CoachThemes';
import { CommentThread } from './CommentThread';
import { ExportBar } from './ExportBar';
import { usePlan } from './plan-context';
import { PlanDocument } from './PlanDocument';
import { PlanPurpose } from './PlanPurpose';
import { PlanSummary } from './PlanSummary';
import { formatDay } from './plan-words';
import { RefreshSection } from './RefreshSection';
import { SuggestionsSection } from './SuggestionsSection';
import { ThemesEditor } from './ThemesEditor';

/** The current plan: the PM's editor or the coach's reading view, suggestions, comments, refresh. */
export function PlanBody() {
  const { plan, pm } = usePlan();
  const isPm = plan.viewer.side === 'pm';
  const commentCount = plan.comments.filter((c) => !c.themeId).length;
  return (
    <>
      <ExportBar plan={plan} />
      <PlanPurpose />
      <PlanSummary />
      <div className="no-print">
        <SuggestionsSection />
      </div>
      {isPm ? (
        <div className="screen-only">
          <ThemesEditor />
        </div>
      ) : (
        <CoachThemes />
      )}
      <div className="no-print">
        <Section
          title="Comments on the whole plan"
          intro={
            commentCount === 0 ? 'No comments yet. A private note stays visible only to you.' : undefined
          }
        >
          <CommentThread what="the whole plan" />
        </Section>
        <RefreshSection />
      </div>
      {isPm && (
        // What the printed page shows instead of the editor.
        <div className="print-only">
          <p className="plan-headline">{plan.headline}</p>
          {plan.focus && <p>{plan.focus}</p>}
          <p className="item-meta">
            Version {plan.version} · {formatDay(plan.periodStart)} – {formatDay(plan.periodEnd)}
          </p>
          <PlanDocument plan={plan} pmFirst={pm.first} empty={<p>No themes yet.</p>} />
        </div>
      )}
    </>
  );
}

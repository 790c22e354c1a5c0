import { Section } from '../../../ui/Section';
import { AutoSaveField } from '../../../ui/autosave/AutoSaveField';
import { AutoField } from './AutoField';
import { SaveState, useItemAutosave } from './item-autosave';
import { OwnershipNote } from './OwnershipNote';
import { usePlan } from './plan-context';
import { usePlanTextSave } from './plan-text';
import { PlanNotes } from './PlanNotes';
import { formatDay } from './plan-words';

const labels = { headline: 'Headline', focus: 'Focus', periodStart: 'From', periodEnd: 'Until' };

/** The plan's headline, focus and period (the PM edits them in place), and who wrote how much. */
export function PlanSummary() {
  const { plan } = usePlan();
  const item = useItemAutosave('', labels);
  const save = (patch: Record<string, string>) => void item.save(patch);
  const saveText = usePlanTextSave(labels);
  const text = (field: 'headline' | 'focus') => ({
    field: `plan:${plan.id}:${field}`,
    value: plan[field],
    save: saveText('', field, (p) => p[field]),
  });
  return (
    <Section title="Headline and period">
      {plan.viewer.canEdit ? (
        <div className="form screen-only">
          <AutoSaveField
            label="Headline"
            hint="Your plan in one line."
            {...text('headline')}
            maxLength={200}
            required
          />
          <AutoSaveField
            label="Focus"
            hint="Optional: what this quarter is about."
            {...text('focus')}
            multiline
            rows={2}
            maxLength={1000}
          />
          <div className="action-row">
            <AutoField
              label="From"
              kind="date"
              value={plan.periodStart}
              required
              onCommit={(periodStart) => save({ periodStart })}
            />
            <AutoField
              label="Until"
              kind="date"
              value={plan.periodEnd}
              required
              onCommit={(periodEnd) => save({ periodEnd })}
            />
          </div>
          <SaveState pending={item.pending} error={item.error} saved={item.saved} />
        </div>
      ) : (
        <>
          <p className="plan-headline">{plan.headline}</p>
          {plan.focus && <p>{plan.focus}</p>}
          <p className="item-meta">
            {formatDay(plan.periodStart)} – {formatDay(plan.periodEnd)}
          </p>
        </>
      )}
      <OwnershipNote />
      <PlanNotes codes={['period_over']} />
    </Section>
  );
}

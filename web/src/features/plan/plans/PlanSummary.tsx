import { useEffect, useRef } from 'react';
import { useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { Section } from '../../../ui/Section';
import { AutoSaveField } from '../../../ui/autosave/AutoSaveField';
import { AutoField } from './AutoField';
import { SaveState, useItemAutosave } from './item-autosave';
import { OwnershipNote } from './OwnershipNote';
import { usePlan, useRequestedFocus } from './plan-context';
import { hasDraft } from './plan-editing';
import { usePlanTextSave } from './plan-text';
import { PlanNotes } from './PlanNotes';
import { formatDay } from './plan-words';

const labels = { headline: 'Headline', focus: 'Focus', periodStart: 'From', periodEnd: 'Until' };

/** The plan's headline, focus and period (the PM opens them with "Edit"), and who wrote how much. */
export function PlanSummary() {
  const me = useMe();
  const { plan, editing, requestFocus } = usePlan();
  const item = useItemAutosave('', labels);
  const save = (patch: Record<string, string>) => void item.save(patch);
  const saveText = usePlanTextSave(labels);
  const text = (field: 'headline' | 'focus') => ({
    field: `plan:${plan.id}:${field}`,
    value: plan[field],
    save: saveText('', field, (p) => p[field]),
  });
  const editButton = useRef<HTMLButtonElement>(null);
  const headline = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const open = plan.viewer.canEdit && editing.isOpen('summary');
  // The section stays mounted: the focus moves when it turns between reading and editing.
  useRequestedFocus('edit-summary', editButton, [open]);
  useRequestedFocus('summary-headline', headline, [open]);
  useEffect(() => {
    if (hasDraft(me.id, [text('headline').field, text('focus').field])) editing.open('summary');
    // Once: a draft left by a reload reopens the fields.
  }, []);
  const toggle = (on: boolean) => {
    requestFocus(on ? 'summary-headline' : 'edit-summary');
    if (on) editing.open('summary');
    else editing.close('summary');
  };
  return (
    <Section title="Headline and period">
      {open ? (
        <div className="form screen-only">
          <AutoSaveField
            label="Headline"
            hint="Your plan in one line."
            {...text('headline')}
            maxLength={200}
            required
            inputRef={headline}
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
          <div className="item-foot">
            <SaveState pending={item.pending} error={item.error} saved={item.saved} />
            <Button onClick={() => toggle(false)}>
              Done<span className="visually-hidden"> with the headline and period</span>
            </Button>
          </div>
        </div>
      ) : (
        // The PM's printed page has its own headline (PlanBody); a coach prints this one.
        <div className={`theme-head ${plan.viewer.canEdit ? 'screen-only' : ''}`}>
          <div className="plan-reading">
            <p className="plan-headline">{plan.headline}</p>
            {plan.focus && <p>{plan.focus}</p>}
            <p className="item-meta">
              {formatDay(plan.periodStart)} – {formatDay(plan.periodEnd)}
            </p>
          </div>
          {plan.viewer.canEdit && (
            <Button
              variant="secondary"
              className="button-small"
              ref={editButton}
              onClick={() => toggle(true)}
            >
              Edit<span className="visually-hidden"> the headline and period</span>
            </Button>
          )}
        </div>
      )}
      <OwnershipNote />
      <PlanNotes codes={['period_over']} />
    </Section>
  );
}

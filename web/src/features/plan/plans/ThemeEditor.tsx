import { useId, useRef, useState } from 'react';
import type { PlanTheme } from '../../../../../common/plans';
import { useAnnounce } from '../../../app/announcer';
import { useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { EmptyState } from '../../../ui/EmptyState';
import { ActionEditor } from './ActionEditor';
import { AddAction } from './AddAction';
import { AutoSaveField } from '../../../ui/autosave/AutoSaveField';
import { CommentThread } from './CommentThread';
import { SaveState, useItemAutosave } from './item-autosave';
import { usePlan, usePlanChange, useRequestedFocus } from './plan-context';
import { themeOf, usePlanTextSave } from './plan-text';
import { attributionText } from './plan-words';
import { targetKeys, TargetsPicker } from './TargetsPicker';
import { PlanNotes } from './PlanNotes';
import { themePart } from './plan-editing';

const labels = {
  title: 'Title',
  why: 'Why it matters',
  serves: 'How it serves your next bigger challenge',
  areas: 'Skills',
  traits: 'Traits',
};

/** One theme open for editing: its words and focus save as the PM goes; actions below; "Done" to read. */
export function ThemeEditor({ theme, number }: { theme: PlanTheme; number: number }) {
  const me = useMe();
  const announce = useAnnounce();
  const { plan, pm, ideas, requestFocus, editing } = usePlan();
  const item = useItemAutosave(`/themes/${theme.id}`, labels);
  const saveText = usePlanTextSave(labels);
  const text = (field: 'title' | 'why' | 'serves') => ({
    field: `plan-theme:${theme.id}:${field}`,
    value: theme[field],
    save: saveText(`/themes/${theme.id}`, field, (p) => themeOf(p, theme.id)?.[field]),
  });
  const remove = usePlanChange();
  const [confirming, setConfirming] = useState(false);
  const headingId = useId();
  const titleRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const actionsHeading = useRef<HTMLHeadingElement>(null);
  useRequestedFocus(`theme-${theme.id}`, titleRef);
  useRequestedFocus(`actions-of-${theme.id}`, actionsHeading, [theme.actions.length]);
  const credit = attributionText(theme.attribution, {
    side: plan.viewer.side,
    meId: me.id,
    pmFirst: pm.first,
  });
  const where = `theme ${number}`;

  /** Back to reading; focus returns to the theme's "Edit". What is typed is saved as the field closes. */
  const onDone = () => {
    requestFocus(`edit-theme-${theme.id}`);
    editing.close(themePart(theme));
  };
  const onRemove = async () => {
    if (!(await remove.run('DELETE', `/themes/${theme.id}`))) return;
    setConfirming(false);
    requestFocus('themes-heading');
    announce(`Theme “${theme.title}” removed.`);
  };
  return (
    <article className="theme theme-editing" aria-labelledby={headingId}>
      <h3 id={headingId} className="theme-heading">
        <span className="theme-number">Theme {number}:</span> {theme.title}
      </h3>
      {credit && <p className="credit">{credit}</p>}
      <PlanNotes themeId={theme.id} />
      <AutoSaveField label="Title" {...text('title')} maxLength={200} required inputRef={titleRef} />
      <AutoSaveField label="Why it matters" {...text('why')} multiline rows={2} maxLength={2000} />
      <AutoSaveField label="How it serves your next bigger challenge" {...text('serves')} maxLength={300} />
      {ideas && (
        <TargetsPicker
          areas={ideas.framework.areas}
          traits={ideas.framework.traits}
          selected={targetKeys(theme)}
          what={where}
          onChange={(next) => void item.save(next)}
        />
      )}
      <SaveState pending={item.pending} error={item.error} saved={item.saved} />
      <h4 className="actions-heading" tabIndex={-1} ref={actionsHeading}>
        Actions<span className="visually-hidden"> of {where}</span>
      </h4>
      {theme.actions.length === 0 ? (
        <EmptyState>
          <p>
            No actions yet. Add a concrete step below: a book, a practice, a stretch task or someone to
            shadow.
          </p>
        </EmptyState>
      ) : (
        <ol className="action-list">
          {theme.actions.map((a, i) => (
            <ActionEditor key={a.id} action={a} number={i + 1} themeNumber={number} />
          ))}
        </ol>
      )}
      <AddAction theme={theme} number={number} />
      <CommentThread themeId={theme.id} what={where} />
      <div className="item-foot">
        <Button onClick={onDone}>
          Done<span className="visually-hidden"> with theme {number}</span>
        </Button>
        <Button variant="secondary" className="button-small" onClick={() => setConfirming(true)}>
          Remove theme<span className="visually-hidden"> {number}</span>
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Remove “${theme.title}”?`}
        confirmLabel="Remove theme"
        pending={remove.pending}
        error={remove.error}
        onConfirm={onRemove}
        onCancel={() => setConfirming(false)}
      >
        <p>
          The theme and its {theme.actions.length === 1 ? 'action' : `${theme.actions.length} actions`} leave
          this version of your plan. Earlier versions keep them.
        </p>
      </ConfirmDialog>
    </article>
  );
}

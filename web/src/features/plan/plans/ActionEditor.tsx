import { useRef } from 'react';
import type { PlanAction } from '../../../../../common/plans';
import { useAnnounce } from '../../../app/announcer';
import { useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { AutoSaveField } from '../../../ui/autosave/AutoSaveField';
import { AutoField } from './AutoField';
import { CommentThread } from './CommentThread';
import { SaveState, useItemAutosave } from './item-autosave';
import { usePlan, usePlanChange, useRequestedFocus } from './plan-context';
import { actionOf, usePlanTextSave } from './plan-text';
import { attributionText, statusLabels } from './plan-words';

const labels = { text: 'Action', dueOn: 'Due date', evidence: 'Evidence' };

/** One action in the PM's editor: words, due date, status and evidence, each saved as the PM leaves it. */
export function ActionEditor({
  action,
  number,
  themeNumber,
}: {
  action: PlanAction;
  number: number;
  themeNumber: number;
}) {
  const me = useMe();
  const { plan, pm, requestFocus } = usePlan();
  const announce = useAnnounce();
  const item = useItemAutosave(`/actions/${action.id}`, labels);
  const saveText = usePlanTextSave(labels);
  const text = (field: 'text' | 'evidence') => ({
    field: `plan-action:${action.id}:${field}`,
    value: action[field],
    save: saveText(`/actions/${action.id}`, field, (p) => actionOf(p, action.id)?.[field]),
  });
  const remove = usePlanChange();
  const textRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useRequestedFocus(`action-${action.id}`, textRef);
  const where = `action ${number} of theme ${themeNumber}`;
  const credit = attributionText(action.attribution, {
    side: plan.viewer.side,
    meId: me.id,
    pmFirst: pm.first,
  });
  const onRemove = async () => {
    const done = await remove.run('DELETE', `/actions/${action.id}`);
    if (!done) return;
    requestFocus(`actions-of-${action.themeId}`);
    announce(`Action “${action.text}” removed.`);
  };
  return (
    <li className={`action-editor status-${action.status}`}>
      <AutoSaveField
        label={`Action ${number}`}
        {...text('text')}
        maxLength={500}
        required
        inputRef={textRef}
      />
      {credit && <p className="credit">{credit}</p>}
      <div className="action-row">
        <AutoField
          label="Due date"
          kind="date"
          value={action.dueOn ?? ''}
          onCommit={(d) => void item.save({ dueOn: d || null })}
        />
        <div className="field">
          <label htmlFor={`status-${action.id}`}>Status</label>
          <select
            id={`status-${action.id}`}
            value={action.status}
            onChange={(e) => void item.save({ status: e.target.value })}
          >
            {Object.entries(statusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <AutoSaveField
        label="Evidence"
        {...text('evidence')}
        multiline
        rows={2}
        hint={
          action.status === 'done'
            ? 'What shows it is done? For example “presented the roadmap to the leadership team on 12 March”.'
            : undefined
        }
        maxLength={2000}
      />
      <div className="item-foot">
        <SaveState pending={item.pending} error={item.error} saved={item.saved} />
        <Button
          variant="secondary"
          className="button-small"
          onClick={onRemove}
          pending={remove.pending}
          pendingLabel="Removing…"
          aria-label={`Remove ${where}`}
        >
          Remove
        </Button>
      </div>
      {remove.error && (
        <p className="form-error" role="alert">
          {remove.error}
        </p>
      )}
      <CommentThread themeId={action.themeId} actionId={action.id} what={where} />
    </li>
  );
}

import { useEffect, useRef } from 'react';
import type { PlanTheme } from '../../../../../common/plans';
import { useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { CommentThread } from './CommentThread';
import { usePlan, useRequestedFocus } from './plan-context';
import { hasDraft, themeFields, themePart } from './plan-editing';
import { PlanNotes } from './PlanNotes';
import { ThemeDocument } from './PlanDocument';

/**
 * One of the PM's themes as they read it, with "Edit" to open its fields. A theme with words on
 * this device the server does not have yet (a reload mid-sentence) opens by itself.
 */
export function ThemeReading({ theme, number }: { theme: PlanTheme; number: number }) {
  const me = useMe();
  const { plan, pm, editing, requestFocus } = usePlan();
  const edit = useRef<HTMLButtonElement>(null);
  useRequestedFocus(`edit-theme-${theme.id}`, edit);
  const part = themePart(theme);
  useEffect(() => {
    if (hasDraft(me.id, themeFields(theme))) editing.open(part);
    // Once, when the theme first shows: a draft written later is in an open editor already.
  }, []);
  const onEdit = () => {
    requestFocus(`theme-${theme.id}`);
    editing.open(part);
  };
  const commented = (actionId: string) => plan.comments.some((c) => c.actionId === actionId);
  return (
    <ThemeDocument
      plan={plan}
      pmFirst={pm.first}
      theme={theme}
      number={number}
      headingExtra={
        <Button variant="secondary" className="button-small" ref={edit} onClick={onEdit}>
          Edit<span className="visually-hidden"> theme {number}</span>
        </Button>
      }
      actionExtras={(action, where) =>
        commented(action.id) ? (
          <CommentThread themeId={action.themeId} actionId={action.id} what={where} />
        ) : null
      }
    >
      <PlanNotes themeId={theme.id} />
      <CommentThread themeId={theme.id} what={`theme ${number}`} />
    </ThemeDocument>
  );
}

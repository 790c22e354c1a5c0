import { useRef } from 'react';
import type { PlanTheme } from '../../../../../common/plans';
import { Button } from '../../../ui/Button';
import { CommentThread } from './CommentThread';
import { usePlan, useRequestedFocus } from './plan-context';
import { themePart } from './plan-editing';
import { PlanNotes } from './PlanNotes';
import { ThemeDocument } from './PlanDocument';

/** One of the PM's themes as they read it, with "Edit" to open its fields. */
export function ThemeReading({ theme, number }: { theme: PlanTheme; number: number }) {
  const { plan, pm, editing, requestFocus } = usePlan();
  const edit = useRef<HTMLButtonElement>(null);
  useRequestedFocus(`edit-theme-${theme.id}`, edit);
  const onEdit = () => {
    requestFocus(`theme-${theme.id}`);
    editing.open(themePart(theme));
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

import type { Plan } from '../../../../../common/plans';
import type { SaveOutcome } from '../../../ui/autosave/autosaver';
import { outcomeOfError } from '../../../ui/autosave/use-autosave';
import type { FieldLabels } from '../../../ui/messages';
import { usePlan } from './plan-context';

/**
 * The save of one text field of the plan, with its version (decision 057): `path` is the item
 * ('' for the plan, `/themes/<id>`, `/actions/<id>`), `stored` finds the field's text in the answer.
 */
export function usePlanTextSave(labels?: FieldLabels) {
  const { call } = usePlan();
  return (path: string, field: string, stored: (plan: Plan) => string | undefined) =>
    async (text: string, version: string): Promise<SaveOutcome> => {
      try {
        const plan = await call('PATCH', path, { [field]: text, versions: { [field]: version } });
        return { kind: 'saved', stored: stored(plan) ?? text };
      } catch (error) {
        return outcomeOfError(error, field, labels);
      }
    };
}

export const themeOf = (plan: Plan, id: string) => plan.themes.find((t) => t.id === id);
export const actionOf = (plan: Plan, id: string) =>
  plan.themes.flatMap((t) => t.actions).find((a) => a.id === id);

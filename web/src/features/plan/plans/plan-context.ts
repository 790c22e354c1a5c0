import { createContext, useCallback, useContext, useEffect, type RefObject } from 'react';
import type { Plan, PlanIdeas } from '../../../../../common/plans';
import { api } from '../../../api';
import { useAction } from '../../../ui/use-action';
import type { FieldLabels } from '../../../ui/messages';
import type { PlanEditing } from './plan-editing';

/** Everything a part of the plan page needs: the plan as the viewer sees it, and how to change it. */
export interface PlanScope {
  pmId: string;
  pm: { name: string; first: string; isMe: boolean };
  plan: Plan;
  /** Areas, traits, theme ideas and example actions (undefined while they load). */
  ideas: PlanIdeas | undefined;
  /** Calls a plan-changing route (queued, one at a time) and shows the plan it answers. */
  call: (method: string, path: string, body?: unknown) => Promise<Plan>;
  /** Asks the element registered under `key` to take focus once it is on screen. */
  requestFocus: (key: string) => void;
  takeFocusRequest: (key: string) => boolean;
  /** Which themes (and the headline) are open for editing; the rest read as a document. */
  editing: PlanEditing;
}

export const PlanContext = createContext<PlanScope | null>(null);

/** The plan page's scope; only inside <PlanContext>. */
export function usePlan(): PlanScope {
  const scope = useContext(PlanContext);
  if (!scope) throw new Error('usePlan outside <PlanContext>');
  return scope;
}

/** A plan change with progress and the server's message: `run('POST', '/themes', body)`. */
export function usePlanChange(labels?: FieldLabels) {
  const { call } = usePlan();
  const action = useCallback(
    (method: string, path: string, body?: unknown) => call(method, path, body),
    [call],
  );
  return useAction(action, labels);
}

/** Focuses `ref` when something asked for `key` (a new item's first field, a heading after a removal). */
export function useRequestedFocus(key: string, ref: RefObject<HTMLElement | null>, deps: unknown[] = []) {
  const { takeFocusRequest } = usePlan();
  useEffect(() => {
    if (takeFocusRequest(key)) ref.current?.focus();
    // Runs when `deps` change (a mount, a list that shrank), not on every render.
  }, deps);
}

/** Calls the plan API for one PM; writes are queued so answers arrive in the order they were sent. */
export function planCaller(pmId: string, onPlan: (plan: Plan) => void) {
  let queue: Promise<unknown> = Promise.resolve();
  return (method: string, path: string, body?: unknown) => {
    const next = queue.then(() =>
      api<Plan>(method, `/api/pms/${encodeURIComponent(pmId)}/plan${path}`, body),
    );
    queue = next.catch(() => undefined);
    return next.then((plan) => {
      onPlan(plan);
      return plan;
    });
  };
}

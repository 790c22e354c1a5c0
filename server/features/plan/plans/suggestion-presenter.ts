import type { PlanSuggestion, Target } from '../../../../common/plans.js';
import type { Db } from '../../../db/database.js';
import type { PlanSuggestionTable } from '../../../db/schema.js';
import { unseal } from '../../../crypto/sealed-fields.js';

type StoredTarget = Target & { kind: 'area' | 'trait' };

/** The suggestions on a plan version with their authors, newest first (message and reason opened). */
export async function suggestionRows(db: Db, planId: string) {
  const rows = await db
    .selectFrom('plan_suggestions')
    .innerJoin('users', 'users.id', 'plan_suggestions.author_id')
    .selectAll('plan_suggestions')
    .select(['users.name as author_name', 'users.email as author_email'])
    .where('plan_suggestions.plan_id', '=', planId)
    .orderBy('plan_suggestions.created_at', 'desc')
    .orderBy('plan_suggestions.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    message: unseal(db, 'plan_suggestions.message', r.message),
    decline_reason: unseal(db, 'plan_suggestions.decline_reason', r.decline_reason),
  }));
}

export const parseTargets = (json: string) => JSON.parse(json) as StoredTarget[];

/** Presents a suggestion: what the coach proposes, and what became of it. */
export function presentSuggestion(
  r: PlanSuggestionTable & { author_name: string; author_email: string },
): PlanSuggestion {
  const targets = parseTargets(r.targets);
  const pick = (kind: 'area' | 'trait') =>
    targets.filter((t) => t.kind === kind).map(({ key, name }) => ({ key, name }));
  return {
    id: r.id,
    kind: r.kind,
    themeId: r.theme_id,
    actionId: r.action_id,
    proposal: {
      title: r.title,
      why: r.why,
      text: r.text,
      dueOn: r.due_on,
      areas: pick('area'),
      traits: pick('trait'),
    },
    message: r.message,
    author: { id: r.author_id, name: r.author_name, email: r.author_email },
    status: r.status,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
    declineReason: r.decline_reason,
    result: r.status === 'accepted' ? { themeId: r.result_theme_id, actionId: r.result_action_id } : null,
  };
}

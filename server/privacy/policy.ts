import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { recordAccess } from './access-log.js';
import type { Actor } from './actor.js';

/**
 * How a person stands to a PM. Only `pm` (the PM themself) and `coach` (a coach in an active
 * pair) can ever be granted coaching data; the others exist so the rules read as a table.
 */
export type Relation = 'pm' | 'coach' | 'former_coach' | 'workspace_admin' | 'none';

/**
 * THE privacy rules: which relation may do what with a PM's coaching data. Default deny: an
 * action not listed here, or a relation not listed for it, is refused.
 */
export const coachingDataRules = {
  'overview:read': ['pm', 'coach'],
  'access-log:read': ['pm'],
  // The wheel (issue 3). Drafts, the blind reveal and peer sharing: features/assessments/round-policy.ts.
  'round:list': ['pm', 'coach'],
  'round:open': ['pm', 'coach'],
  'round:read': ['pm', 'coach'],
  'assessment:read': ['pm', 'coach'],
  'assessment:write': ['pm', 'coach'],
  'comparison:read': ['pm', 'coach'],
  'history:read': ['pm', 'coach'],
  'dips:read': ['pm', 'coach'],
  'wheel:export': ['pm', 'coach'],
  'peers:manage': ['pm'],
  // Shared vision and development plan (issue 4). Who proposes, accepts, suggests or decides, and
  // private notes: features/visions/vision-policy.ts and features/plans/plan-policy.ts.
  'vision:read': ['pm', 'coach'],
  'vision:write': ['pm', 'coach'],
  'plan:read': ['pm', 'coach'],
  'plan:write': ['pm'],
  'plan:comment': ['pm', 'coach'],
  'plan-suggestion:write': ['pm', 'coach'],
} as const satisfies Record<string, readonly Relation[]>;

export type CoachingAction = keyof typeof coachingDataRules;

/** Works out how `actor` stands to the PM `pmId`. */
export async function relationTo(db: Db, actor: Actor, pmId: string): Promise<Relation> {
  if (actor.id === pmId) return 'pm';
  const pairs = await db
    .selectFrom('pairs')
    .select('status')
    .where('coach_id', '=', actor.id)
    .where('pm_id', '=', pmId)
    .execute();
  if (pairs.some((p) => p.status === 'active')) return 'coach';
  if (pairs.some((p) => p.status === 'ended')) return 'former_coach';
  return actor.isAdmin ? 'workspace_admin' : 'none';
}

/** True when the rules let this relation take this action. */
export const isAllowed = (action: CoachingAction, relation: Relation) =>
  (coachingDataRules[action] as readonly Relation[]).includes(relation);

/**
 * The one gate to a PM's coaching data. Refuses with not_found (so a refusal never reveals that
 * the PM or the data exists) and writes every granted access to the PM's access log.
 */
export async function authorize(input: {
  db: Db;
  actor: Actor | null;
  action: CoachingAction;
  pmId: string;
  resource: string;
}): Promise<Relation> {
  const { db, actor, action, pmId, resource } = input;
  if (!actor) throw notFound();
  const relation = await relationTo(db, actor, pmId);
  if (!isAllowed(action, relation)) throw notFound();
  if (action !== 'access-log:read') {
    await recordAccess({ db, pmId, actorId: actor.id, action, resource });
  }
  return relation;
}

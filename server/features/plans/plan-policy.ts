import type { Db } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../privacy/actor.js';
import { authorize, isAllowed, relationTo, type CoachingAction } from '../../privacy/policy.js';

/**
 * Who does what with a plan, beyond the privacy table. The plan is the PM's: only the PM writes
 * it and decides on suggestions; a coach comments and suggests. Someone who may read the plan
 * but not take the action is told why (403): they can see the plan, so nothing is revealed.
 * Everyone who may not read it gets the privacy table's 404.
 */
export const planRoles = {
  write: {
    action: 'plan:write',
    sides: ['pm'],
    refusal: 'The plan is the PM’s to write. Suggest the change instead: they can accept it with one click.',
  },
  suggest: {
    action: 'plan-suggestion:write',
    sides: ['coach'],
    refusal: 'Your plan is yours to edit directly; suggestions are how a coach proposes changes.',
  },
  decide: {
    action: 'plan-suggestion:write',
    sides: ['pm'],
    refusal: 'Only the PM accepts or declines a suggestion on their plan.',
  },
  withdraw: {
    action: 'plan-suggestion:write',
    sides: ['coach'],
    refusal: 'Only the coach who made a suggestion withdraws it; you can decline it.',
  },
} as const satisfies Record<
  string,
  { action: CoachingAction; sides: readonly ('pm' | 'coach')[]; refusal: string }
>;

export type PlanRole = keyof typeof planRoles;

/**
 * The side the actor is on when the privacy table lets them read (`readAction`), else null.
 * Logs nothing: checks that depend on the thing run first, so a refused attempt leaves no
 * access-log entry; authorize() then logs the granted access.
 */
export async function visibleSide(
  db: Db,
  actor: Actor | null,
  pmId: string,
  readAction: CoachingAction,
): Promise<'pm' | 'coach' | null> {
  if (!actor) return null;
  const relation = await relationTo(db, actor, pmId);
  return (relation === 'pm' || relation === 'coach') && isAllowed(readAction, relation) ? relation : null;
}

/** authorize() for one of the plan roles above; returns the side the actor is on. */
export async function authorizePlanRole(input: {
  db: Db;
  actor: Actor | null;
  pmId: string;
  role: PlanRole;
  resource: string;
  check?: (side: 'pm' | 'coach') => Promise<void>;
}) {
  const { db, actor, pmId, resource } = input;
  const role = planRoles[input.role];
  const side = await visibleSide(db, actor, pmId, 'plan:read');
  if (side && !(role.sides as readonly string[]).includes(side))
    throw new AppError('forbidden', role.refusal);
  if (side && input.check) await input.check(side);
  return (await authorize({ db, actor, action: role.action, pmId, resource })) as 'pm' | 'coach';
}

/** authorize() for reading or commenting, after an optional check on the thing; returns the side. */
export async function authorizePlan(input: {
  db: Db;
  actor: Actor | null;
  pmId: string;
  action: 'plan:read' | 'plan:comment';
  resource: string;
  check?: (side: 'pm' | 'coach') => Promise<void>;
}) {
  const { db, actor, pmId, action, resource, check } = input;
  const side = check ? await visibleSide(db, actor, pmId, 'plan:read') : null;
  if (side && check) await check(side);
  return (await authorize({ db, actor, action, pmId, resource })) as 'pm' | 'coach';
}

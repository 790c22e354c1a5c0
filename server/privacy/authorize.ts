import type { HistoryPart } from '../../common/history-grants.js';
import type { Side } from '../../common/schemas.js';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import type { Actor } from './actor.js';
import { knownPairs, type KnownPair } from './known-pairs.js';
import { coachingRules, conditions, type CoachingAction, type ConditionName, type Viewer } from './rules.js';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
type ConditionsOf<A extends CoachingAction> = (typeof coachingRules)[A] extends {
  when: readonly (infer C extends ConditionName)[];
}
  ? C
  : never;
type ThingFor<C extends ConditionName> = UnionToIntersection<Parameters<(typeof conditions)[C]['test']>[0]>;

/** The thing an action's conditions look at: `{ round }`, `{ comment }`…; nothing when it has none. */
export type ThingOf<A extends CoachingAction> = [ConditionsOf<A>] extends [never]
  ? { thing?: undefined }
  : { thing: ThingFor<ConditionsOf<A>> };

/** The rows a request can be granted (and logged): every row but the per-item ':see' filters, which only `may()` checks. */
export type GrantableAction = Exclude<CoachingAction, `${string}:see`>;

/** A granted action: who asked, their side of the pair, and what they were granted (to log once shown). */
export interface Grant extends Viewer {
  action: GrantableAction;
}

/** A coach's view of the PM through a pair read earlier in this request. */
const coachOf = (actorId: string, pmId: string, pair: KnownPair): Viewer => ({
  actorId,
  pmId,
  side: 'coach',
  coachSince: pair.acceptedAt ?? '9999',
  historyShared: pair.historyShared,
});

/**
 * The pairs read with this request's session (a read), or undefined: then the database is asked.
 * Inside a transaction it is always asked, so a write sees the pairs as they are while it holds them.
 */
const pairsKnown = (db: Db, actor: Pick<Actor, 'id'>) => (db.isTransaction ? undefined : knownPairs(actor));

/** The person's relation to the PM: their side of an active pair, or null (outside the pair). */
async function viewerOf(db: Db, actor: Pick<Actor, 'id'>, pmId: string): Promise<Viewer | null> {
  if (actor.id === pmId) return { actorId: actor.id, pmId, side: 'pm', coachSince: null };
  const known = pairsKnown(db, actor);
  if (known) {
    const pair = known.get(pmId);
    return pair ? coachOf(actor.id, pmId, pair) : null;
  }
  const pair = await db
    .selectFrom('pairs')
    .select(['id', 'accepted_at'])
    .where('coach_id', '=', actor.id)
    .where('pm_id', '=', pmId)
    .where('status', '=', 'active')
    .orderBy('accepted_at')
    .executeTakeFirst();
  if (!pair) return null;
  // What the PM shared of their history from before this pairing (decision 038); ends with the pair.
  const shared = await db
    .selectFrom('history_grants')
    .select('part')
    .where('pair_id', '=', pair.id)
    .execute();
  return {
    actorId: actor.id,
    pmId,
    side: 'coach',
    coachSince: pair.accepted_at ?? '9999',
    historyShared: shared.map((g) => g.part as HistoryPart),
  };
}

/**
 * What the coach of a pair may see of their PM, for what is prepared on both sides' behalf (the
 * coaching session's agenda holds only what both may see); a coach whose pair has ended sees
 * nothing of the PM's history. Not a grant: nothing is logged or shown to this coach by it.
 */
export async function coachViewOf(input: { db: Db; coachId: string; pmId: string }): Promise<Viewer> {
  const { db, coachId, pmId } = input;
  const viewer = await viewerOf(db, { id: coachId }, pmId);
  return viewer?.side === 'coach' ? viewer : { actorId: coachId, pmId, side: 'coach', coachSince: '9999' };
}

/**
 * `viewerOf` for several PMs at once, in two queries whatever their number (the home digest):
 * the asker's active pairs with those PMs, and the history grants of those pairs. The same
 * answer per PM as `viewerOf`; a PM outside the asker's pairs gets null.
 */
async function viewersOf(db: Db, actor: Actor, pmIds: string[]): Promise<Map<string, Viewer | null>> {
  const out = new Map<string, Viewer | null>(pmIds.map((pmId) => [pmId, null]));
  const others = pmIds.filter((pmId) => pmId !== actor.id);
  if (pmIds.includes(actor.id))
    out.set(actor.id, { actorId: actor.id, pmId: actor.id, side: 'pm', coachSince: null });
  if (!others.length) return out;
  const known = pairsKnown(db, actor);
  if (known) {
    for (const pmId of others) {
      const pair = known.get(pmId);
      if (pair) out.set(pmId, coachOf(actor.id, pmId, pair));
    }
    return out;
  }
  const pairs = await db
    .selectFrom('pairs')
    .select(['id', 'pm_id', 'accepted_at'])
    .where('coach_id', '=', actor.id)
    .where('pm_id', 'in', others)
    .where('status', '=', 'active')
    .orderBy('accepted_at')
    .execute();
  const firstPair = new Map<string, (typeof pairs)[number]>();
  for (const p of pairs) if (!firstPair.has(p.pm_id)) firstPair.set(p.pm_id, p);
  const pairIds = [...firstPair.values()].map((p) => p.id);
  const grants = pairIds.length
    ? await db
        .selectFrom('history_grants')
        .select(['pair_id', 'part'])
        .where('pair_id', 'in', pairIds)
        .execute()
    : [];
  for (const [pmId, pair] of firstPair)
    out.set(pmId, {
      actorId: actor.id,
      pmId,
      side: 'coach',
      coachSince: pair.accepted_at ?? '9999',
      historyShared: grants.filter((g) => g.pair_id === pair.id).map((g) => g.part as HistoryPart),
    });
  return out;
}

/** Checks a row of the rules table for a viewer already found (null: outside the pair). */
function check(action: GrantableAction, viewer: Viewer | null, thing: unknown): Grant {
  if (!viewer) throw notFound();
  const rule: { who: readonly Side[]; when?: readonly ConditionName[]; otherSide?: string } =
    coachingRules[action];
  if (!rule.who.includes(viewer.side)) {
    throw rule.otherSide ? new AppError('forbidden', rule.otherSide) : notFound();
  }
  for (const name of rule.when ?? []) {
    const condition = conditions[name] as {
      test: (t: unknown, v: Viewer) => boolean;
      refusal: (v: Viewer) => AppError;
    };
    if (!condition.test(thing, viewer)) throw condition.refusal(viewer);
  }
  return { ...viewer, action };
}

/**
 * `authorize()` of one action without conditions for several PMs at once (a digest): the grants,
 * in the order asked, or the first refusal. Two queries whatever the number of PMs.
 */
export async function authorizeEach<A extends GrantableAction>(
  input: { db: Db; actor: Actor; action: A; pmIds: string[] } & ([ConditionsOf<A>] extends [never]
    ? unknown
    : never),
): Promise<Grant[]> {
  const { db, actor, action, pmIds } = input;
  const viewers = await viewersOf(db, actor, pmIds);
  return pmIds.map((pmId) => check(action, viewers.get(pmId) ?? null, undefined));
}

/**
 * The one gate to a PM's coaching data: checks the whole row of the rules table (relation, then
 * every condition on the thing) and returns the grant, or throws the row's refusal. Logs
 * nothing: the caller records what it shows with `recordAccess(grant)` once every other check
 * has passed, so a refused attempt never reads as access in the PM's log.
 */
export async function authorize<A extends GrantableAction>(
  input: { db: Db; actor: Actor; action: A; pmId: string } & ThingOf<A>,
): Promise<Grant> {
  const { db, actor, action, pmId } = input;
  return check(action, await viewerOf(db, actor, pmId), input.thing);
}

/** The thing `may()` needs for an action's conditions; nothing when the row has none. */
type MayThing<A extends CoachingAction> = [ConditionsOf<A>] extends [never]
  ? [thing?: undefined]
  : [thing: ThingFor<ConditionsOf<A>>];

/**
 * Whether a granted viewer may do what a row of the table says to one item (a list filter, a
 * field, a button): the whole row (who, then every condition), for reads that show some items
 * and leave others out. The same rows `authorize()` checks; it refuses nothing and logs nothing.
 */
export function may<A extends CoachingAction>(viewer: Viewer, action: A, ...[thing]: MayThing<A>): boolean {
  const rule: { who: readonly Side[]; when?: readonly ConditionName[] } = coachingRules[action];
  if (!rule.who.includes(viewer.side)) return false;
  return (rule.when ?? []).every((name) =>
    (conditions[name].test as (t: unknown, v: Viewer) => boolean)(thing, viewer),
  );
}

/** Whether the rules table lets this side of the pair take this action (to show or hide a button). */
export const sideMay = (action: CoachingAction, side: Side) =>
  (coachingRules[action].who as readonly Side[]).includes(side);

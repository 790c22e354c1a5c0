import type { Db } from '../../../db/database.js';
import { seal, unseal } from '../../../crypto/sealed-fields.js';
import { newId } from '../../../util.js';
import type { CoachingSessionRow } from './coaching-session-reading.js';

/**
 * What carries when not covered (decision 060). Theme colouring, actions due and open
 * suggestions are prepared afresh from their current state each time, and last time's questions
 * are left out of the next suggestions, so none of those carry. A weekly check-in does not take
 * perception gaps: they wait for a monthly session's full agenda.
 */
const CARRIES: Record<CoachingSessionRow['kind'], readonly string[]> = {
  monthly: ['own', 'next-step', 'action-done', 'dip', 'gap', 'check-in', 'pulse'],
  weekly: ['own', 'next-step', 'action-done', 'dip', 'check-in', 'pulse'],
};

/**
 * Copies the items of `from` not ticked to the top of `to`'s agenda, marked with the day they
 * were first on an agenda. Once per item: the unique (session_id, carried_from) index turns a
 * second carry, even a simultaneous one, into nothing. Answers how many it added.
 */
export async function carryForward(
  db: Db,
  from: CoachingSessionRow,
  to: CoachingSessionRow,
): Promise<number> {
  if (from.id === to.id || from.starts_at >= to.starts_at) return 0;
  const open = await db
    .selectFrom('session_agenda_items')
    .selectAll()
    .where('session_id', '=', from.id)
    .where('done', '=', 0)
    .where('kind', 'in', CARRIES[to.kind])
    .orderBy('position')
    .execute();
  if (!open.length) return 0;
  const first = await db
    .selectFrom('session_agenda_items')
    .select((eb) => eb.fn.min('position').as('min'))
    .where('session_id', '=', to.id)
    .executeTakeFirst();
  const top = first?.min === null || first?.min === undefined ? 0 : Number(first.min);
  let added = 0;
  for (const [index, item] of open.entries()) {
    const done = await db
      .insertInto('session_agenda_items')
      .values({
        id: newId(),
        session_id: to.id,
        position: top - open.length + index,
        kind: item.kind,
        text: seal(db, 'session_agenda_items.text', unseal(db, 'session_agenda_items.text', item.text)),
        detail: seal(
          db,
          'session_agenda_items.detail',
          unseal(db, 'session_agenda_items.detail', item.detail),
        ),
        ref_id: item.ref_id,
        added_by: item.added_by,
        added_side: item.added_side,
        done: 0,
        created_at: item.created_at,
        carried_from: item.id,
        carried_since: item.carried_since ?? from.local_start.slice(0, 10),
      })
      .onConflict((oc) => oc.columns(['session_id', 'carried_from']).doNothing())
      .executeTakeFirst();
    added += Number(done.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** The pair's latest held session before `row`, or none. */
export async function heldBefore(db: Db, row: CoachingSessionRow): Promise<CoachingSessionRow | undefined> {
  return db
    .selectFrom('coaching_sessions')
    .selectAll()
    .where('pm_id', '=', row.pm_id)
    .where('coach_id', '=', row.coach_id)
    .where('status', '=', 'held')
    .where('starts_at', '<', row.starts_at)
    .where('id', '!=', row.id)
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The pair's next session not yet held after `row` (where its open items go), or none. */
export async function nextOpenAfter(
  db: Db,
  row: CoachingSessionRow,
): Promise<CoachingSessionRow | undefined> {
  return db
    .selectFrom('coaching_sessions')
    .selectAll()
    .where('pm_id', '=', row.pm_id)
    .where('coach_id', '=', row.coach_id)
    .where('status', 'in', ['scheduled', 'in_progress'])
    .where('starts_at', '>', row.starts_at)
    .orderBy('starts_at')
    .orderBy('id')
    .executeTakeFirst();
}

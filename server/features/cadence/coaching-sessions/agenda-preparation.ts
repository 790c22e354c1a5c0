import type { Db } from '../../../db/database.js';
import { coachViewOf } from '../../../privacy/authorize.js';
import { visibleSince } from '../../../privacy/visible-history.js';
import { newId } from '../../../util.js';
import { findPlanRow } from '../../plan/plans/plan-reading.js';
import { suggestQuestions } from '../../define-good/questions/suggest.js';
import { dipThreshold } from '../../assess/wheel/dips.js';
import { perceptionGaps } from '../../assess/wheel/gaps.js';
import { dipsVisibleTo } from '../../assess/wheel/history.js';
import { revealedRoundsVisibleTo } from '../../assess/wheel/wheel-data.js';
import { checkInsVisibleTo, presentCheckIn } from '../check-ins/check-ins.js';
import { pulsesOf } from '../check-ins/pulses.js';
import { announce } from '../../../live/bus.js';
import { prepareAgenda, QUESTIONS, type AgendaContext } from './agenda.js';
import { carryForward, heldBefore } from './carry-forward.js';
import { heldNewestFirst, type CoachingSessionRow } from './coaching-session-reading.js';
import { localDay } from './zoned-time.js';
import { seal } from '../../../crypto/sealed-fields.js';

/** Everything the agenda is prepared from, since the pair's last held coaching session. */
async function agendaContext(db: Db, row: CoachingSessionRow, now: Date): Promise<AgendaContext> {
  const sessions = await db
    .selectFrom('coaching_sessions')
    .selectAll()
    .where('pm_id', '=', row.pm_id)
    .where('coach_id', '=', row.coach_id)
    .execute();
  const last = heldNewestFirst(sessions.filter((s) => s.id !== row.id))[0];
  const since = last?.ended_at ?? null;
  // The agenda is shared by both sides, so it holds only what both may see: the coach's view.
  const viewer = await coachViewOf({ db, coachId: row.coach_id, pmId: row.pm_id });
  const plan = await findPlanRow(db, row.pm_id);
  const themes = plan
    ? await db
        .selectFrom('plan_themes')
        .select(['id', 'title'])
        .where('plan_id', '=', plan.id)
        .orderBy('position')
        .execute()
    : [];
  const actions = plan
    ? await db
        .selectFrom('plan_actions as a')
        .innerJoin('plan_themes as t', 't.id', 'a.theme_id')
        .select(['a.id', 'a.text', 't.title', 'a.due_on', 'a.status', 'a.done_at', 'a.evidence'])
        .where('a.plan_id', '=', plan.id)
        .orderBy('t.position')
        .orderBy('a.position')
        .execute()
    : [];
  const suggestions = plan
    ? await db
        .selectFrom('plan_suggestions')
        .select(['id', 'title', 'text'])
        .where('plan_id', '=', plan.id)
        .where('status', '=', 'open')
        // A suggestion from before the coach's pairing is the PM's history (decision 038).
        .where('created_at', '>=', visibleSince(viewer, 'comments') ?? '')
        .orderBy('created_at')
        .execute()
    : [];
  const lastNextSteps = last
    ? await db
        .selectFrom('session_next_steps')
        .select(['id', 'text', 'theme_title'])
        .where('session_id', '=', last.id)
        .orderBy('position')
        .execute()
    : [];
  // Perception gaps of the rounds revealed since: the latest such round's large ones.
  const rounds = (await revealedRoundsVisibleTo(db, viewer)).filter(
    (r) => since === null || (r.row.revealed_at ?? '') > since,
  );
  const latest = rounds.at(-1);
  const gaps = latest
    ? perceptionGaps(
        latest.content.areas
          .filter((a) => latest.self[a.key] !== undefined && latest.coach[a.key] !== undefined)
          .map((a) => ({ key: a.key, name: a.name, self: latest.self[a.key]!, coach: latest.coach[a.key]! })),
      )
        .filter((g) => Math.abs(g.difference) >= dipThreshold(latest.scale))
        .slice(0, 3)
        .map((g) => ({ ...g, roundTitle: latest.row.title }))
    : [];
  // Last time's questions are not suggested again: asked ones rest 60 days (markAsked), the
  // others at least this once, so the next suggestions differ.
  const lastQuestions = last
    ? await db
        .selectFrom('session_agenda_items')
        .select('ref_id')
        .where('session_id', '=', last.id)
        .where('kind', '=', 'question')
        .execute()
    : [];
  const questions = await suggestQuestions({
    db,
    viewer,
    limit: QUESTIONS[row.kind],
    now,
    leaveOut: lastQuestions.flatMap((q) => (q.ref_id ? [q.ref_id] : [])),
  });
  const checkIns = (await checkInsVisibleTo(db, viewer, { limit: 50 }))
    .filter((c) => since === null || c.created_at > since)
    .reverse()
    .map(presentCheckIn);
  const pulses = (await pulsesOf(db, viewer, { limit: 50 }))
    .filter((p) => since === null || p.created_at > since)
    .reverse();
  return {
    kind: row.kind,
    checkIns: checkIns.map((c) => ({
      id: c.id,
      feelings: c.emotions.map((e) => e.name).join(', '),
      about: c.about.title,
      why: c.why,
      at: c.createdAt,
    })),
    pulses: pulses.map((p) => ({ id: p.id, name: p.target_name, score: p.score })),
    since,
    day: localDay(row.starts_at, row.time_zone),
    themes,
    actions: actions.map((a) => ({
      id: a.id,
      text: a.text,
      themeTitle: a.title,
      dueOn: a.due_on,
      status: a.status,
      doneAt: a.done_at,
      evidence: a.evidence,
    })),
    dips: await dipsVisibleTo(db, viewer),
    gaps,
    suggestions: suggestions.map((s) => ({ id: s.id, text: s.title ?? s.text ?? '' })),
    lastNextSteps: lastNextSteps.map((s) => ({ id: s.id, text: s.text, themeTitle: s.theme_title })),
    questions: questions.map((q) => ({ id: q.id, text: q.text, why: q.why })),
  };
}

/**
 * Prepares the agenda once, when the coaching session is opened or first read: the first caller
 * stamps `agenda_prepared_at` (a conditional update, so two at once prepare it once), carries
 * what the pair's last held session did not cover, and writes the items in this order: carried,
 * prepared, then any the pair added beforehand.
 */
export async function prepareAgendaOnce(db: Db, row: CoachingSessionRow, now: Date): Promise<void> {
  if (row.agenda_prepared_at !== null || row.status === 'cancelled') return;
  const context = await agendaContext(db, row, now);
  const earlier = await heldBefore(db, row);
  const prepared = await db.transaction().execute(async (tx) => {
    const claimed = await tx
      .updateTable('coaching_sessions')
      .set({ agenda_prepared_at: now.toISOString() })
      .where('id', '=', row.id)
      .where('agenda_prepared_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;
    if (earlier) await carryForward(tx, earlier, row);
    const existing = await tx
      .selectFrom('session_agenda_items')
      .select(['id', 'carried_from'])
      .where('session_id', '=', row.id)
      .orderBy('position')
      .execute();
    const carried = existing.filter((i) => i.carried_from);
    const added = existing.filter((i) => !i.carried_from);
    const items = prepareAgenda(context);
    for (const [index, item] of carried.entries())
      await tx
        .updateTable('session_agenda_items')
        .set({ position: index })
        .where('id', '=', item.id)
        .execute();
    for (const [index, item] of items.entries())
      await tx
        .insertInto('session_agenda_items')
        .values({
          id: newId(),
          session_id: row.id,
          position: carried.length + index,
          kind: item.kind,
          text: seal(tx, 'session_agenda_items.text', item.text),
          detail: seal(tx, 'session_agenda_items.detail', item.detail),
          ref_id: item.refId,
          added_by: null,
          added_side: null,
          done: 0,
          created_at: now.toISOString(),
        })
        .execute();
    for (const [index, item] of added.entries())
      await tx
        .updateTable('session_agenda_items')
        .set({ position: carried.length + items.length + index })
        .where('id', '=', item.id)
        .execute();
    return true;
  });
  // Both sides' open pages show the prepared agenda and what carried (decision 056).
  if (prepared) await announce(db, { kind: 'changed', sessionId: row.id });
}

import {
  emotionGroupNames,
  emotions,
  type CheckIn,
  type CheckInBoard,
  type CheckInData,
  type EmotionGroup,
} from '../../../../common/check-ins.js';
import type { Db } from '../../../db/database.js';
import type { CheckInTable } from '../../../db/schema.js';
import { AppError, notFound } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize, may } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';
import { visibleCheckIns } from '../../../privacy/visible-history.js';
import { newId } from '../../../util.js';
import { findPlanRow } from '../../plan/plans/plan-reading.js';
import { seal, unseal } from '../../../crypto/sealed-fields.js';

interface Call {
  db: Db;
  actor: Actor;
  pmId: string;
}

const byKey = new Map(emotions.map((e) => [e.key, e]));

/** A check-in as the API shows it (never the row), its `why` already opened. */
export function presentCheckIn(row: CheckInTable): CheckIn {
  return {
    id: row.id,
    emotions: row.emotions.split(',').flatMap((k) => {
      const e = byKey.get(k);
      return e ? [e] : [];
    }),
    about: {
      kind: row.about_kind as CheckIn['about']['kind'],
      lineageId: row.about_lineage_id,
      title: row.about_title,
    },
    why: row.why,
    private: row.is_private === 1,
    createdAt: row.created_at,
  };
}

/** The current plan's themes (by lineage), what a check-in can be about. */
async function currentThemes(db: Db, pmId: string) {
  const plan = await findPlanRow(db, pmId);
  if (!plan) return [];
  const themes = await db
    .selectFrom('plan_themes')
    .select(['lineage_id', 'title'])
    .where('plan_id', '=', plan.id)
    .orderBy('position')
    .execute();
  return themes.map((t) => ({ lineageId: t.lineage_id, title: t.title }));
}

/**
 * The PM's check-ins the viewer may see, newest first: a coach never gets a private one (the
 * rules' 'PM shared the check-in', in SQL and checked again per row). `older` pages:
 * strictly older than `at`, or as old with an id below `idBelow` (inclusive of all at `at` when
 * `idBelow` is true, none when false).
 */
export async function checkInsVisibleTo(
  db: Db,
  viewer: Viewer,
  options: { limit: number; older?: { at: string; idBelow: string | boolean } },
): Promise<CheckInTable[]> {
  // Before a new coach's pairing only when the PM shared their check-ins (decision 038).
  let query = visibleCheckIns(db, viewer).selectAll();
  // The rules decide: whoever a private check-in is hidden from gets only shared ones, in SQL,
  // so a page of the timeline is full for them too.
  if (!may(viewer, 'check-in:see', { checkIn: { is_private: 1 } })) query = query.where('is_private', '=', 0);
  const older = options.older;
  if (older) {
    const { at, idBelow } = older;
    if (idBelow === true) query = query.where('created_at', '<=', at);
    else if (idBelow === false) query = query.where('created_at', '<', at);
    else
      query = query.where((eb) =>
        eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', idBelow)])]),
      );
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  return rows
    .filter((checkIn) => may(viewer, 'check-in:see', { checkIn }))
    .map((checkIn) => ({ ...checkIn, why: unseal(db, 'check_ins.why', checkIn.why) }));
}

/** The check-in page in one read: the emotion list, the current themes, the latest check-ins. */
export async function checkInBoard(input: Call): Promise<CheckInBoard> {
  const { db } = input;
  const grant = await authorize({ ...input, action: 'check-in:read' });
  const rows = await checkInsVisibleTo(db, grant, { limit: 20 });
  const board: CheckInBoard = {
    emotions,
    groups: (Object.keys(emotionGroupNames) as EmotionGroup[]).map((key) => ({
      key,
      name: emotionGroupNames[key],
    })),
    themes: await currentThemes(db, input.pmId),
    checkIns: rows.map(presentCheckIn),
  };
  await recordAccess({ db, grant, resource: 'check-ins' });
  return board;
}

/** The PM says how they feel: one to three emotions, about what, and why. */
export async function createCheckIn(input: Call & { checkIn: CheckInData; now: Date }): Promise<CheckIn> {
  const { db, checkIn, now } = input;
  const grant = await authorize({ ...input, action: 'check-in:write' });
  let title = 'In general';
  let lineageId: string | null = null;
  const about = checkIn.about;
  if (about.kind === 'theme') {
    const theme = (await currentThemes(db, input.pmId)).find((t) => t.lineageId === about.lineageId);
    if (!theme) throw new AppError('validation_failed', 'about: is not a theme of your current plan');
    title = theme.title;
    lineageId = theme.lineageId;
  } else if (about.kind === 'project') {
    title = about.text;
  }
  const row: CheckInTable = {
    id: newId(),
    pm_id: input.pmId,
    emotions: checkIn.emotions.join(','),
    about_kind: checkIn.about.kind,
    about_lineage_id: lineageId,
    about_title: title,
    why: checkIn.why,
    is_private: checkIn.private ? 1 : 0,
    created_at: now.toISOString(),
  };
  await db
    .insertInto('check_ins')
    .values({ ...row, why: seal(db, 'check_ins.why', row.why) })
    .execute();
  await recordAccess({ db, grant, resource: 'check-in' });
  return presentCheckIn(row);
}

/**
 * The PM deletes one of their check-ins. Someone who may not see it (a coach, for a private one)
 * finds nothing; a coach who sees it is refused with a reason.
 */
export async function deleteCheckIn(input: Call & { checkInId: string }) {
  const { db, pmId } = input;
  const reader = await authorize({ ...input, action: 'check-in:read' });
  const row = await db
    .selectFrom('check_ins')
    .select(['id', 'is_private'])
    .where('id', '=', input.checkInId)
    .where('pm_id', '=', pmId)
    .executeTakeFirst();
  if (!row || !may(reader, 'check-in:see', { checkIn: row })) throw notFound();
  const grant = await authorize({ ...input, action: 'check-in:delete' });
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('check_ins').where('id', '=', row.id).where('pm_id', '=', pmId).execute();
    // A deleted check-in leaves the coaching sessions' agendas too (its feelings were quoted there).
    await tx
      .deleteFrom('session_agenda_items')
      .where('kind', '=', 'check-in')
      .where('ref_id', '=', row.id)
      .where('session_id', 'in', (eb) =>
        eb.selectFrom('coaching_sessions').select('id').where('pm_id', '=', pmId),
      )
      .execute();
  });
  await recordAccess({ db, grant, resource: 'check-in' });
  return { ok: true as const };
}

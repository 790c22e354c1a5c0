import {
  reactionWords,
  type Nudge,
  type NudgeAboutInput,
  type NudgeReaction,
  type NudgeThread,
  type NudgeWelcome,
} from '../../../../common/nudges.js';
import type { Person } from '../../../../common/schemas.js';
import type { Db } from '../../../db/database.js';
import type { NudgeResponseTable, NudgeTable } from '../../../db/schema.js';
import { isUniqueViolation } from '../../../db/unique.js';
import { isPostgres } from '../../../db/dialect.js';
import { AppError, notFound } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize, may } from '../../../privacy/authorize.js';
import { visibleNudges } from '../../../privacy/visible-nudges.js';
import type { Viewer } from '../../../privacy/rules.js';
import { newId } from '../../../util.js';
import { findPlanRow } from '../../plan/plans/plan-reading.js';
import {
  enqueueDelivery,
  markDeliveryRead,
  nudgePreferenceOf,
  type NudgePreference,
} from './delivery-port.js';
import { nextPeriodStart, nudgePeriod } from './periods.js';
import { seal, unseal } from '../../../crypto/sealed-fields.js';

interface Call {
  db: Db;
  actor: Actor;
  pmId: string;
  /** Whether this server can send mail (email is on by default then). */
  mailConfigured?: boolean;
}

/** Nudges per page of the thread. */
export const NUDGE_PAGE = 20;

/** Where a nudge lives in the web app. */
export const nudgeLink = (pmId: string, nudgeId: string) => `/pms/${pmId}/nudges#nudge-${nudgeId}`;

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

async function peopleById(db: Db, ids: string[]): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Nudges as the API shows them, with the PM's responses (never the rows). */
export async function presentNudges(db: Db, rows: NudgeTable[]): Promise<Nudge[]> {
  if (!rows.length) return [];
  const people = await peopleById(
    db,
    rows.map((r) => r.coach_id),
  );
  const responses = await db
    .selectFrom('nudge_responses')
    .selectAll()
    .where(
      'nudge_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('n')
    .execute();
  const byNudge = new Map<string, NudgeResponseTable[]>();
  for (const r of responses) byNudge.set(r.nudge_id, [...(byNudge.get(r.nudge_id) ?? []), r]);
  return rows.map((row) => {
    const own = byNudge.get(row.id) ?? [];
    return {
      id: row.id,
      coach: people.get(row.coach_id) ?? { id: row.coach_id, name: 'A former coach', email: '' },
      text: unseal(db, 'nudges.text', row.text),
      about: { kind: row.about_kind, lineageId: row.about_lineage_id, title: row.about_title },
      createdAt: row.created_at,
      reaction: own.findLast((r) => r.reaction !== null)?.reaction ?? null,
      responses: own.map((r) => ({
        id: r.id,
        n: r.n,
        reaction: r.reaction,
        text: unseal(db, 'nudge_responses.text', r.text),
        createdAt: r.created_at,
      })),
    };
  });
}

/**
 * The PM's nudges the viewer may see, newest first: the PM all of theirs, a coach their own of
 * this pairing (privacy/visible-nudges.ts narrows it in SQL; each row is checked again).
 * `older`: strictly before the cursor (created_at, then id).
 */
export async function nudgesVisibleTo(
  db: Db,
  viewer: Viewer,
  options: { limit: number; older?: { at: string; idBelow: string | boolean } },
): Promise<NudgeTable[]> {
  let query = visibleNudges(db, viewer).selectAll();
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
  return rows.filter((nudge) => may(viewer, 'nudge:see', { nudge }));
}

/** When this coach last nudged the PM during this pairing. */
export async function lastNudgeAt(db: Db, viewer: Viewer): Promise<string | null> {
  const [latest] = await nudgesVisibleTo(db, viewer, { limit: 1 });
  return latest?.created_at ?? null;
}

const whenWords = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(iso),
  );

/** Whether the PM welcomes a nudge from this coach now, and if not when (a coach composing one sees it). */
export async function welcomeFor(
  db: Db,
  viewer: Viewer,
  now: Date,
  preference?: NudgePreference,
): Promise<NudgeWelcome> {
  const pref = preference ?? (await nudgePreferenceOf(db, viewer.pmId));
  const pm = (await peopleById(db, [viewer.pmId])).get(viewer.pmId)!;
  const period = nudgePeriod(pref.frequency, now, pref.timeZone);
  const taken =
    period !== null &&
    (await db
      .selectFrom('nudges')
      .select('id')
      .where('pm_id', '=', viewer.pmId)
      .where('coach_id', '=', viewer.actorId)
      .where('period', '=', period)
      .executeTakeFirst()) !== undefined;
  return {
    pm,
    frequency: pref.frequency,
    lastNudgeAt: await lastNudgeAt(db, viewer),
    nextWelcomeAt: taken ? nextPeriodStart(pref.frequency, now, pref.timeZone) : null,
  };
}

/** One page of the thread: the nudges the viewer may see, with the PM's reactions and answers. */
export async function nudgeThread(input: Call & { before?: string; now: Date }): Promise<NudgeThread> {
  const { db } = input;
  const grant = await authorize({ ...input, action: 'nudge:list' });
  let older: { at: string; idBelow: string } | undefined;
  if (input.before) {
    const [at, id] = input.before.split('~') as [string, string];
    older = { at, idBelow: id };
  }
  const rows = await nudgesVisibleTo(db, grant, { limit: NUDGE_PAGE + 1, older });
  const page = rows.slice(0, NUDGE_PAGE);
  const last = page.at(-1);
  const thread: NudgeThread = {
    nudges: await presentNudges(db, page),
    nextBefore: rows.length > NUDGE_PAGE && last ? `${last.created_at}~${last.id}` : null,
    welcome: grant.side === 'coach' ? await welcomeFor(db, grant, input.now) : null,
  };
  await recordAccess({ db, grant, resource: 'nudges' });
  return thread;
}

/** What a nudge is about, checked against the PM's current plan (a theme or action by lineage). */
async function aboutOf(db: Db, pmId: string, about: NudgeAboutInput) {
  if (about.kind === 'free') return { kind: 'free' as const, lineageId: null, title: null };
  const plan = await findPlanRow(db, pmId);
  const found = plan
    ? about.kind === 'theme'
      ? await db
          .selectFrom('plan_themes')
          .select(['lineage_id', 'title'])
          .where('plan_id', '=', plan.id)
          .where('lineage_id', '=', about.lineageId)
          .executeTakeFirst()
      : await db
          .selectFrom('plan_actions')
          .select(['lineage_id', 'text as title'])
          .where('plan_id', '=', plan.id)
          .where('lineage_id', '=', about.lineageId)
          .executeTakeFirst()
    : undefined;
  if (!found) throw new AppError('validation_failed', `about: is not a ${about.kind} of the current plan`);
  return { kind: about.kind, lineageId: found.lineage_id, title: found.title };
}

/**
 * A current coach sends their PM a nudge. The PM's frequency decides: refused while paused;
 * one per coach per local day ('daily') or ISO week ('weekly'), kept by the unique index on
 * (pm_id, coach_id, period) so racing sends make exactly one. The nudge and its delivery to the
 * PM (in-app always, plus the PM's channels) are stored together.
 */
export async function sendNudge(
  input: Call & { nudge: { text: string; about: NudgeAboutInput }; now: Date },
): Promise<Nudge> {
  const { db, actor, pmId, now } = input;
  const grant = await authorize({ ...input, action: 'nudge:send' });
  const about = await aboutOf(db, pmId, input.nudge.about);
  const pref = await nudgePreferenceOf(db, pmId);
  const pm = (await peopleById(db, [pmId])).get(pmId)!;
  const period = nudgePeriod(pref.frequency, now, pref.timeZone);
  if (period === null)
    throw new AppError(
      'conflict',
      `${firstName(pm.name)} has paused nudges for now. Keep your thought for your next coaching session.`,
    );
  const row: NudgeTable = {
    id: newId(),
    pm_id: pmId,
    coach_id: actor.id,
    text: input.nudge.text,
    about_kind: about.kind,
    about_lineage_id: about.lineageId,
    about_title: about.title,
    period,
    created_at: now.toISOString(),
  };
  // The nudge and its delivery (in-app plus the PM's channels) are stored in one transaction:
  // either both, or neither and the coach is told why.
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('nudges')
        .values({ ...row, text: seal(trx, 'nudges.text', row.text) })
        .execute();
      await enqueueDelivery({
        db: trx,
        now,
        mailConfigured: input.mailConfigured,
        delivery: {
          recipientId: pmId,
          kind: 'nudge',
          key: `nudge:${row.id}`,
          title: `A nudge from ${actor.name}`,
          text: row.text,
          link: nudgeLink(pmId, row.id),
        },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const next = nextPeriodStart(pref.frequency, now, pref.timeZone)!;
    throw new AppError(
      'conflict',
      pref.frequency === 'daily'
        ? `${firstName(pm.name)} welcomes one nudge a day, and today’s is sent. The next is welcome tomorrow (${whenWords(next, pref.timeZone)}).`
        : `${firstName(pm.name)} welcomes one nudge a week, and this week’s is sent. The next is welcome from ${whenWords(next, pref.timeZone)}.`,
    );
  }
  const [nudge] = await presentNudges(db, [row]);
  await recordAccess({ db, grant, resource: 'nudge' });
  return nudge!;
}

/**
 * The PM reacts (done, thanks, not now) or answers in a line. The answer reaches the coach who
 * sent the nudge while they still coach the PM in the same pairing.
 */
export async function respondToNudge(
  input: Call & { nudgeId: string; reaction?: NudgeReaction; text?: string; now: Date },
): Promise<Nudge> {
  const { db, pmId, now } = input;
  const row = await db
    .selectFrom('nudges')
    .selectAll()
    .where('id', '=', input.nudgeId)
    .where('pm_id', '=', pmId)
    .executeTakeFirst();
  // A missing nudge and one the caller may not see get the same 404 (the rules decide).
  const grant = await authorize({
    ...input,
    action: 'nudge:respond',
    thing: { nudge: row ?? { pm_id: '', coach_id: '', created_at: '' } },
  });
  if (!row) throw notFound();
  const response: NudgeResponseTable = {
    id: newId(),
    nudge_id: row.id,
    n: 0,
    reaction: input.reaction ?? null,
    text: input.text ?? null,
    created_at: now.toISOString(),
  };
  const coach = await db
    .selectFrom('pairs')
    .innerJoin('users', 'users.id', 'pairs.pm_id')
    .select(['users.name as pm_name'])
    .where('pairs.pm_id', '=', pmId)
    .where('pairs.coach_id', '=', row.coach_id)
    .where('pairs.status', '=', 'active')
    .where('pairs.accepted_at', '<=', row.created_at)
    .executeTakeFirst();
  const pmName = coach ? firstName(coach.pm_name) : '';
  // The answer and its delivery to the coach are stored in one transaction: both, or neither.
  for (let attempt = 0; ; attempt++) {
    try {
      await db.transaction().execute(async (trx) => {
        // On PostgreSQL answers to one nudge take turns (the nudge row locked), so numbers don't collide;
        // SQLite runs one transaction at a time anyway.
        if (isPostgres(trx)) {
          await trx.selectFrom('nudges').select('id').where('id', '=', row.id).forUpdate().execute();
        }
        const last = await trx
          .selectFrom('nudge_responses')
          .select((eb) => eb.fn.max('n').as('n'))
          .where('nudge_id', '=', row.id)
          .executeTakeFirst();
        response.n = Number(last?.n ?? 0) + 1;
        await trx
          .insertInto('nudge_responses')
          .values({ ...response, text: seal(trx, 'nudge_responses.text', response.text) })
          .execute();
        // The PM answered: the nudge is no longer new in their inbox.
        await markDeliveryRead({ db: trx, recipientId: pmId, key: `nudge:${row.id}`, now });
        if (!coach) return;
        await enqueueDelivery({
          db: trx,
          now,
          mailConfigured: input.mailConfigured,
          delivery: {
            recipientId: row.coach_id,
            kind: 'nudge-reply',
            key: `nudge-reply:${row.id}:${response.n}`,
            title: response.reaction ? `${pmName} reacted to your nudge` : `${pmName} answered your nudge`,
            text: response.reaction ? reactionWords[response.reaction] : (response.text ?? ''),
            link: nudgeLink(pmId, row.id),
          },
        });
      });
      break;
    } catch (error) {
      // The unique index on (nudge, n) is the guard; should two answers still take one number, the refused one takes the next.
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
  const [nudge] = await presentNudges(db, [row]);
  await recordAccess({ db, grant, resource: 'nudge' });
  return nudge!;
}

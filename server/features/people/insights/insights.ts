import type { InsightMetric, Insights, InsightsChoice } from '../../../../common/insights.js';
import type { Db } from '../../../db/database.js';
import { notFound } from '../../../http/errors.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorizeWorkspace } from '../../../privacy/workspace-rules.js';
import { addMs, nowIso } from '../../../util.js';
import { loadVersion, type LoadedVersion } from '../../define-good/frameworks/framework-versions.js';
import { refreshDueAt } from '../../plan/plans/plan-dates.js';
import { toScale } from '../../assess/rounds/scoring.js';
import {
  byCoach,
  countFigure,
  hidden,
  narrowingUnsafe,
  pmsFigure,
  spreadOf,
  type Counted,
} from './k-anonymity.js';
import { knownToViewer } from './known-to-viewer.js';

const DAY_MS = 86_400_000;

/** How many months the counts cover, the current one last. */
export const INSIGHT_MONTHS = 12;

/** The last 12 calendar months (UTC) as [label, start, end) in ISO text, oldest first. */
export function lastMonths(now: Date, count = INSIGHT_MONTHS) {
  return Array.from({ length: count }, (_, i) => {
    const back = count - 1 - i;
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 1));
    return { label: start.toISOString().slice(0, 7), start: start.toISOString(), end: end.toISOString() };
  });
}

type Month = ReturnType<typeof lastMonths>[number];
type Dated = Counted & { at: string };
const inMonth = (m: Month) => (i: Dated) => i.at >= m.start && i.at < m.end;

/**
 * The workspace insights (decision 041): counts per month over the whole workspace (or one coach
 * group) and area spreads over PMs who allow it, every figure over fewer than five PMs hidden.
 * Never a person's figure; nothing is logged in a PM's access log because nothing of one PM is read out.
 */
export async function readInsights(input: {
  db: Db;
  actor: Actor;
  coach: string | null;
  now: Date;
}): Promise<Insights> {
  const { db, actor, now } = input;
  const workspaceId = actor.workspaceId;
  const coaching = await db
    .selectFrom('pairs')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('coach_id', '=', actor.id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  authorizeWorkspace({ actor, action: 'insights:read', thing: { coachesSomeone: Boolean(coaching) } });

  const pairs = await db
    .selectFrom('pairs')
    .select(['pm_id', 'coach_id', 'accepted_at', 'ended_at'])
    .where('workspace_id', '=', workspaceId)
    .where('accepted_at', 'is not', null)
    .where('status', 'in', ['active', 'ended'])
    .execute();
  const coaches = await coachGroups(db, workspaceId);
  const coach = input.coach;
  if (coach !== null && !coaches.some((c) => c.id === coach)) throw notFound();

  const months = lastMonths(now);
  const items = await countedItems(db, workspaceId, pairs, months[0]!.start);
  // The viewer's own PMs and puppets are left out of every figure (decision 050).
  const known = await knownToViewer(db, workspaceId, actor.id);
  const unknown = <T extends Counted>(list: T[]) => list.filter((i) => !known.has(i.pmId));
  const counts = (Object.keys(items) as InsightMetric[]).map((metric) => ({
    metric,
    cells: months.map((m) =>
      countFigure(
        unknown(metric === 'activePairs' ? items.activePairs(m) : items[metric].filter(inMonth(m))),
        coach,
      ),
    ),
  }));
  return {
    months: months.map((m) => m.label),
    counts,
    frameworks: await areaSpreads(db, workspaceId, coach, known),
    coaches,
    coach,
  };
}

/** The coaches of the workspace's pairs (now or before): the groups a view can be narrowed to. */
async function coachGroups(db: Db, workspaceId: string) {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.name'])
    .where('users.workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('pairs')
          .select('pairs.id')
          .whereRef('pairs.coach_id', '=', 'users.id')
          .where('pairs.accepted_at', 'is not', null),
      ),
    )
    .orderBy('users.name')
    .execute();
}

type PairRow = { pm_id: string; coach_id: string; accepted_at: string | null; ended_at: string | null };

/** Everything the monthly counts count, each with its PM and coach group. */
async function countedItems(db: Db, workspaceId: string, pairs: PairRow[], since: string) {
  // A session is counted in the month it ended; one that began the day before the first month may end in it.
  const sessionsSince = addMs(since, -DAY_MS);
  const sessions = await db
    .selectFrom('coaching_sessions as s')
    .innerJoin('users as u', 'u.id', 's.pm_id')
    .select(['s.pm_id', 's.coach_id', 's.starts_at', 's.ended_at'])
    .where('u.workspace_id', '=', workspaceId)
    .where('s.status', '=', 'held')
    .where('s.starts_at', '>=', sessionsSince)
    .execute();
  const rounds = await db
    .selectFrom('assessment_rounds')
    .select(['pm_id', 'coach_id', 'revealed_at'])
    .where('workspace_id', '=', workspaceId)
    .where('revealed_at', '>=', since)
    .execute();
  const plans = await db
    .selectFrom('plans as p')
    .innerJoin('users as u', 'u.id', 'p.pm_id')
    .select(['p.pm_id', 'p.number', 'p.created_at'])
    .where('u.workspace_id', '=', workspaceId)
    .execute();
  const nudges = await db
    .selectFrom('nudges as n')
    .innerJoin('users as u', 'u.id', 'n.pm_id')
    .select(['n.pm_id', 'n.coach_id', 'n.created_at'])
    .where('u.workspace_id', '=', workspaceId)
    .where('n.created_at', '>=', since)
    .execute();
  const started = new Map(plans.map((p) => [`${p.pm_id}/${p.number}`, p.created_at]));
  /** The PM's coach when something happened (the earliest-accepted pair live then). */
  const coachAt = (pmId: string, at: string) =>
    pairs
      .filter((p) => p.pm_id === pmId && p.accepted_at! <= at && (p.ended_at === null || p.ended_at > at))
      .sort((a, b) => a.accepted_at!.localeCompare(b.accepted_at!))[0]?.coach_id ?? null;

  return {
    activePairs: (m: Month): Counted[] =>
      pairs
        .filter((p) => p.accepted_at! < m.end && (p.ended_at === null || p.ended_at >= m.start))
        .map((p) => ({ pmId: p.pm_id, coachId: p.coach_id })),
    sessionsHeld: sessions.map((s) => ({
      pmId: s.pm_id,
      coachId: s.coach_id,
      at: s.ended_at ?? s.starts_at,
    })),
    plansRefreshedOnTime: plans.flatMap((p) => {
      const previous = started.get(`${p.pm_id}/${p.number - 1}`);
      if (!previous || p.created_at > refreshDueAt(previous)) return [];
      return [{ pmId: p.pm_id, coachId: coachAt(p.pm_id, p.created_at), at: p.created_at }];
    }),
    roundsCompleted: rounds.map((r) => ({ pmId: r.pm_id, coachId: r.coach_id, at: r.revealed_at! })),
    nudgesSent: nudges.map((x) => ({ pmId: x.pm_id, coachId: x.coach_id, at: x.created_at })),
  };
}

interface Latest extends Counted {
  version: LoadedVersion;
  scores: Record<string, number | null>;
}

/**
 * Per framework, the spread of each area over the latest revealed round of every PM who allows
 * it (the coach's scores, else the PM's own), on the scale of the newest version among them.
 */
async function areaSpreads(
  db: Db,
  workspaceId: string,
  coach: string | null,
  known: Set<string>,
): Promise<Insights['frameworks']> {
  const rounds = await db
    .selectFrom('assessment_rounds as r')
    .select(['r.id', 'r.pm_id', 'r.coach_id', 'r.framework_version_id', 'r.revealed_at'])
    .where('r.workspace_id', '=', workspaceId)
    .where('r.revealed_at', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('insights_opt_outs as o').select('o.user_id').whereRef('o.user_id', '=', 'r.pm_id'),
        ),
      ),
    )
    .orderBy('r.revealed_at')
    .orderBy('r.id')
    .execute();
  const latestRound = new Map(rounds.filter((r) => !known.has(r.pm_id)).map((r) => [r.pm_id, r]));
  if (!latestRound.size) return [];
  const roundIds = [...latestRound.values()].map((r) => r.id);
  const assessments = await db
    .selectFrom('assessments')
    .select(['round_id', 'side', 'area_scores'])
    .where('round_id', 'in', roundIds)
    .where('side', 'in', ['self', 'coach'])
    .where('submitted_at', 'is not', null)
    .execute();
  const latest: Latest[] = [];
  for (const r of latestRound.values()) {
    const mine = assessments.filter((a) => a.round_id === r.id && a.area_scores);
    const chosen = mine.find((a) => a.side === 'coach') ?? mine.find((a) => a.side === 'self');
    if (!chosen) continue;
    latest.push({
      pmId: r.pm_id,
      coachId: r.coach_id,
      version: await loadVersion(db, r.framework_version_id),
      scores: JSON.parse(chosen.area_scores!) as Record<string, number | null>,
    });
  }
  const names = new Map(
    (
      await db
        .selectFrom('frameworks')
        .select(['id', 'name'])
        .where('workspace_id', '=', workspaceId)
        .execute()
    ).map((f) => [f.id, f.name]),
  );
  const byFramework = new Map<string, Latest[]>();
  for (const l of latest)
    byFramework.set(l.version.frameworkId, [...(byFramework.get(l.version.frameworkId) ?? []), l]);

  return [...byFramework]
    .map(([frameworkId, all]) => {
      const newest = all.reduce((a, b) => (b.version.number > a.version.number ? b : a)).version.content;
      const group = coach === null ? all : (byCoach(all).get(coach) ?? []);
      // A narrowed view shows nothing when another coach group of this framework is small (decision 041).
      const unsafe = coach !== null && narrowingUnsafe(all);
      const safe = unsafe ? [] : group;
      return {
        name: names.get(frameworkId) ?? newest.name,
        scale: newest.scale,
        pms: unsafe && group.length ? hidden : pmsFigure(group.length),
        areas: newest.areas.map((area) => ({
          key: area.key,
          name: area.name,
          spread: spreadOf(
            safe.flatMap((l) => {
              const v = l.scores[area.key];
              return v === null || v === undefined ? [] : [toScale(v, l.version.content.scale, newest.scale)];
            }),
          ),
        })),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether the person's own scores may count in the area spreads (default: yes). */
export async function readInsightsChoice(input: { db: Db; actor: Actor }): Promise<InsightsChoice> {
  authorizeWorkspace({ actor: input.actor, action: 'insights:choose' });
  return { counted: !(await optedOut(input.db, input.actor.id)) };
}

export async function setInsightsChoice(input: {
  db: Db;
  actor: Actor;
  counted: boolean;
  now: Date;
}): Promise<InsightsChoice> {
  const { db, actor, counted, now } = input;
  authorizeWorkspace({ actor, action: 'insights:choose' });
  if (counted) await db.deleteFrom('insights_opt_outs').where('user_id', '=', actor.id).execute();
  else
    await db
      .insertInto('insights_opt_outs')
      .values({ user_id: actor.id, created_at: nowIso(now) })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
  return { counted };
}

const optedOut = async (db: Db, userId: string) =>
  Boolean(
    await db
      .selectFrom('insights_opt_outs')
      .select('user_id')
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  );

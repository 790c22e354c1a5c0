import type { NudgeIdeas } from '../../../../common/nudges.js';
import type { Db } from '../../../db/database.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';
import { coachingSessionsOf, colourHistoryFor } from '../coaching-sessions/coaching-session-reading.js';
import { localDay } from '../coaching-sessions/zoned-time.js';
import { findPlanRow } from '../../plan/plans/plan-reading.js';
import { dipsVisibleTo } from '../../assess/wheel/history.js';
import { nudgePreferenceOf } from './delivery-port.js';
import { selectNudgeIdeas, type IdeaInputs } from './ideas.js';
import { lastNudgeAt, welcomeFor } from './nudges.js';

/** The latest colour the PM gave each current theme (any month), from the colour history this viewer may see. */
export async function latestThemeColours(db: Db, viewer: Viewer) {
  const history = await colourHistoryFor(db, viewer);
  return history.themes
    .filter((t) => t.current)
    .flatMap((t) => {
      const last = t.cells.findLast((c) => c.colour !== null);
      return last?.colour ? [{ lineageId: t.lineageId, title: t.title, colour: last.colour }] : [];
    });
}

/** The current plan's actions still open. */
export async function openActions(db: Db, pmId: string) {
  const plan = await findPlanRow(db, pmId);
  if (!plan) return [];
  const rows = await db
    .selectFrom('plan_actions')
    .select(['lineage_id', 'text', 'due_on', 'status'])
    .where('plan_id', '=', plan.id)
    .where('status', 'in', ['not_started', 'in_progress'])
    .execute();
  return rows.map((r) => ({ lineageId: r.lineage_id, text: r.text, dueOn: r.due_on, status: r.status }));
}

/** Everything the ideas are drawn from, as this coach may see it (logs nothing). */
async function ideaInputs(db: Db, viewer: Viewer, now: Date, timeZone: string): Promise<IdeaInputs> {
  const sessions = await coachingSessionsOf(db, viewer);
  const next = sessions.find((s) => s.status === 'scheduled' && s.starts_at > now.toISOString());
  return {
    now,
    today: localDay(now.toISOString(), timeZone),
    actions: await openActions(db, viewer.pmId),
    themeColours: await latestThemeColours(db, viewer),
    dips: (await dipsVisibleTo(db, viewer)).map((d) => ({
      areaName: d.statementText ? `${d.areaName} (“${d.statementText}”)` : d.areaName,
      revealedAt: d.revealedAt,
    })),
    nextSession: next ? { startsAt: next.starts_at, localStart: next.local_start } : null,
    lastNudgeAt: await lastNudgeAt(db, viewer),
  };
}

/** Nudge ideas for the PM's coach, each with a prefilled text, and how the PM welcomes nudges. */
export async function nudgeIdeas(input: {
  db: Db;
  actor: Actor;
  pmId: string;
  now: Date;
}): Promise<NudgeIdeas> {
  const { db, now } = input;
  const grant = await authorize({ ...input, action: 'nudge-ideas:read' });
  const preference = await nudgePreferenceOf(db, input.pmId);
  const answer: NudgeIdeas = {
    ideas: selectNudgeIdeas(await ideaInputs(db, grant, now, preference.timeZone)),
    welcome: await welcomeFor(db, grant, now, preference),
  };
  await recordAccess({ db, grant, resource: 'nudge ideas' });
  return answer;
}

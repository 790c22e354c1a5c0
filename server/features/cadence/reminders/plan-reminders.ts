import type { Db } from '../../../db/database.js';
import type { DueDelivery } from '../deliveries/due.js';
import { REFRESH_AFTER_DAYS, isRefreshDue, refreshDueAt } from '../../plan/plans/plan-dates.js';
import { REVISIT_AFTER_DAYS, isRevisitDue, revisitDueAt } from '../../plan/visions/vision-revisit.js';
import type { PairIndex } from './live-pairs.js';
import { CATCH_UP_MS, DAY_MS, actionReminderDays, dateOf, todayAndTomorrow } from './reminder-rules.js';

/** The PM and each of their current coaches, each with how a title names the PM for them. */
function pmAndCoaches(pairs: PairIndex, pmId: string) {
  const live = pairs.byPm.get(pmId) ?? [];
  if (!live.length) return [];
  return [
    { recipientId: pmId, whose: '' },
    ...live.map((p) => ({ recipientId: p.coachId, whose: ` (${p.pmName})` })),
  ];
}

/**
 * 'action-due': an action of the current plan due today or tomorrow in the PM's own time zone
 * (their notification settings; UTC without them) and neither done nor dropped, to the PM. Keyed
 * by the action's lineage (a plan refresh copies actions under new ids) and its due date, so a
 * moved date reminds again. The action's text is coaching content: never in the title. One
 * query: the UTC dates from yesterday to the day after tomorrow cover every zone's today and
 * tomorrow, and each PM's own days are picked out here.
 */
export async function actionDueReminders(db: Db, pairs: PairIndex, now: Date): Promise<DueDelivery[]> {
  const window = [-1, 0, 1, 2].map((d) => dateOf(new Date(now.getTime() + d * DAY_MS).toISOString()));
  const actions = await db
    .selectFrom('plan_actions')
    .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
    .leftJoin('notification_settings as ns', 'ns.user_id', 'plans.pm_id')
    .select(['plan_actions.lineage_id', 'plan_actions.due_on', 'plans.pm_id', 'ns.time_zone'])
    .where('plans.replaced_at', 'is', null)
    .where('plan_actions.due_on', 'in', window)
    .where('plan_actions.status', 'in', ['not_started', 'in_progress'])
    .execute();
  return actions.flatMap((a) => {
    if (!a.due_on || !pairs.byPm.has(a.pm_id)) return [];
    const [today] = todayAndTomorrow(now, a.time_zone ?? 'UTC');
    if (!actionReminderDays(a.due_on).includes(today)) return [];
    const when = a.due_on === today ? 'today' : 'tomorrow';
    return [
      {
        recipientId: a.pm_id,
        kind: 'action-due' as const,
        key: `action-due:${a.lineage_id}:${a.due_on}`,
        title: `Action due ${when}`,
        text: `An action of your development plan is due ${when} (${a.due_on}). Mark it done, or move its date, on the plan.`,
        link: `/pms/${a.pm_id}/plan`,
      },
    ];
  });
}

/**
 * 'plan-refresh-due': the quarterly refresh of the current plan fell due (within the last two
 * weeks), to the PM and coaches, once per due date. One query.
 */
export async function planRefreshReminders(db: Db, pairs: PairIndex, now: Date): Promise<DueDelivery[]> {
  const plans = await db
    .selectFrom('plans')
    .select(['id', 'pm_id', 'created_at'])
    .where('replaced_at', 'is', null)
    .where('created_at', '<=', new Date(now.getTime() - REFRESH_AFTER_DAYS * DAY_MS).toISOString())
    .where(
      'created_at',
      '>',
      new Date(now.getTime() - REFRESH_AFTER_DAYS * DAY_MS - CATCH_UP_MS).toISOString(),
    )
    .execute();
  return plans.flatMap((plan) => {
    if (!isRefreshDue(plan.created_at, now)) return [];
    const due = dateOf(refreshDueAt(plan.created_at));
    return pmAndCoaches(pairs, plan.pm_id).map(({ recipientId, whose }) => ({
      recipientId,
      kind: 'plan-refresh-due' as const,
      key: `plan-refresh-due:${plan.id}:${due}:${recipientId}`,
      title: `Plan refresh due${whose}`,
      text: `The development plan is a quarter old (due ${due}): time for a new headline or focus. The current version stays readable.`,
      link: `/pms/${plan.pm_id}/plan`,
    }));
  });
}

/**
 * 'vision-revisit-due': the shared vision's quarterly revisit fell due (within the last two
 * weeks), to the PM and coaches, once per due date. One query.
 */
export async function visionRevisitReminders(db: Db, pairs: PairIndex, now: Date): Promise<DueDelivery[]> {
  const agreed = await db
    .selectFrom('vision_proposals')
    .select(['pm_id', (eb) => eb.fn.max('decided_at').as('agreed_at')])
    .where('status', '=', 'agreed')
    .groupBy('pm_id')
    .having(
      (eb) => eb.fn.max('decided_at'),
      '<=',
      new Date(now.getTime() - REVISIT_AFTER_DAYS * DAY_MS).toISOString(),
    )
    .having(
      (eb) => eb.fn.max('decided_at'),
      '>',
      new Date(now.getTime() - REVISIT_AFTER_DAYS * DAY_MS - CATCH_UP_MS).toISOString(),
    )
    .execute();
  return agreed.flatMap((v) => {
    if (!isRevisitDue(v.agreed_at, now)) return [];
    const due = dateOf(revisitDueAt(v.agreed_at)!);
    return pmAndCoaches(pairs, v.pm_id).map(({ recipientId, whose }) => ({
      recipientId,
      kind: 'vision-revisit-due' as const,
      key: `vision-revisit-due:${v.pm_id}:${due}:${recipientId}`,
      title: `Shared vision revisit due${whose}`,
      text: `The shared vision was agreed a quarter ago (revisit due ${due}): look at the next bigger challenge and the career direction together.`,
      link: `/pms/${v.pm_id}/vision`,
    }));
  });
}

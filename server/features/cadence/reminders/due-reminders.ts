import type { DueProducer } from '../deliveries/due.js';
import { indexPairs, livePairs } from './live-pairs.js';
import { actionDueReminders, planRefreshReminders, visionRevisitReminders } from './plan-reminders.js';
import { sessionOverdueReminders, sessionTomorrowReminders } from './session-reminders.js';
import { invitationExpiringReminders, roundWaitingReminders } from './workflow-reminders.js';

/**
 * Every reminder due at `now`, for everyone: eight set-based queries per sweep whatever the number
 * of PMs (live pairs, then one per kind), never one per PM. Idempotent: the same `now` and data
 * give the same keys, and the outbox stores each key once.
 */
export const dueReminders: DueProducer = async ({ db, now }) => {
  const pairs = await livePairs(db);
  const index = indexPairs(pairs);
  const batches = await Promise.all([
    sessionTomorrowReminders(db, index, now),
    sessionOverdueReminders(db, pairs, now),
    actionDueReminders(db, index, now),
    planRefreshReminders(db, index, now),
    visionRevisitReminders(db, index, now),
    roundWaitingReminders(db, index, now),
    invitationExpiringReminders(db, now),
  ]);
  return batches.flat();
};

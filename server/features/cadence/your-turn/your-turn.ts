import type { DueProducer } from '../deliveries/due.js';
import { indexPairs, livePairs } from '../reminders/live-pairs.js';
import { commentNotices, suggestionNotices, visionNotices } from './plan-notices.js';
import { roundNotices } from './round-notices.js';
import { nextStepNotices } from './session-notices.js';

/**
 * Your-turn notices (issue 21): something now waits for this person, told on the next sweep
 * rather than days later by a reminder. Set-based like the reminders (live pairs, then one query
 * per kind); each notice names only people and kinds in its title, links to what the rules table
 * lets its recipient open, and is stored once by its key. The session scheduled / moved /
 * cancelled notices come from the calendar invitations' code.
 */
export const dueYourTurn: DueProducer = async ({ db, now }) => {
  const index = indexPairs(await livePairs(db));
  const batches = await Promise.all([
    roundNotices(db, index, now),
    suggestionNotices(db, index, now),
    commentNotices(db, index, now),
    visionNotices(db, index, now),
    nextStepNotices(db, index, now),
  ]);
  return batches.flat();
};

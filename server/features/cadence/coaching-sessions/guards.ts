import type { MovedSummary, PitfallGuard } from '../../../../common/coaching-sessions.js';

/** "About five weeks": a monthly rhythm with a week of slack (decision 030). */
export const BIG_BANG_DAYS = 35;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Big bang review: no coaching session held for more than 35 days since the last one (or since
 * the pair began, before the first). Exactly 35 days is still on rhythm.
 */
export function bigBangReview(input: {
  now: Date;
  lastHeldAt: string | null;
  pairSince: string | null;
}): PitfallGuard | null {
  const since = input.lastHeldAt ?? input.pairSince;
  if (!since) return null;
  const elapsed = input.now.getTime() - Date.parse(since);
  if (elapsed <= BIG_BANG_DAYS * DAY_MS) return null;
  const days = Math.floor(elapsed / DAY_MS);
  return {
    kind: 'big-bang-review',
    title: 'Big bang review ahead',
    message: input.lastHeldAt
      ? `The last coaching session was held ${days} days ago. Growth comes from a steady rhythm, not a rare big review: schedule the next one soon.`
      : `This pair began ${days} days ago and has not held a coaching session yet. A short first one beats a big review later.`,
  };
}

const progressed = (m: MovedSummary) => m.coloursSet > 0 || m.actionsMoved > 0 || m.nextSteps > 0;

/**
 * Tactical takeover: the last two held coaching sessions recorded no progress on the plan (no
 * colour set, no action moved, no next step). `held` is newest first.
 */
export function tacticalTakeover(held: readonly MovedSummary[]): PitfallGuard | null {
  const lastTwo = held.slice(0, 2);
  if (lastTwo.length < 2 || lastTwo.some(progressed)) return null;
  return {
    kind: 'tactical-takeover',
    title: 'Tactical takeover',
    message:
      'The last two coaching sessions recorded no progress on the plan: no colour set, no action moved, no next step. Day-to-day topics may be crowding out growth: start the next one from the plan’s themes.',
  };
}

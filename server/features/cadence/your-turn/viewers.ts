import type { Viewer } from '../../../privacy/rules.js';
import type { LivePair } from '../reminders/live-pairs.js';

/**
 * How the rules table sees a notice's recipient, built from their live pair (no request, no
 * grant, nothing logged). A coach gets no history shared from before the pairing: a notice
 * errs on the side of saying less.
 */
export const pmViewer = (pmId: string): Viewer => ({ actorId: pmId, pmId, side: 'pm', coachSince: null });

export const coachViewer = (pair: LivePair): Viewer => ({
  actorId: pair.coachId,
  pmId: pair.pmId,
  side: 'coach',
  coachSince: pair.since ?? '9999',
  historyShared: [],
});

/** Both sides of a pair as recipients: each with the rules' view and the other person's name. */
export const bothSides = (pair: LivePair) => [
  { recipientId: pair.pmId, viewer: pmViewer(pair.pmId), other: pair.coachName },
  { recipientId: pair.coachId, viewer: coachViewer(pair), other: pair.pmName },
];

import type { Viewer } from './rules.js';

/**
 * How the rules table sees the recipient of a notice the sweep produces (issue 21), built from
 * their live pair: no request, no grant, nothing logged. A coach gets no history shared from
 * before the pairing, so a notice errs on the side of saying less than the app would show.
 */
export const pmNoticeViewer = (pmId: string): Viewer => ({
  actorId: pmId,
  pmId,
  side: 'pm',
  coachSince: null,
});

export const coachNoticeViewer = (pair: { coachId: string; pmId: string; since: string | null }): Viewer => ({
  actorId: pair.coachId,
  pmId: pair.pmId,
  side: 'coach',
  coachSince: pair.since ?? '9999',
  historyShared: [],
});

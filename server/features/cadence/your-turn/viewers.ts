import { coachNoticeViewer, pmNoticeViewer } from '../../../privacy/notice-viewers.js';
import type { LivePair } from '../reminders/live-pairs.js';

export { coachNoticeViewer as coachViewer, pmNoticeViewer as pmViewer };

/** Both sides of a pair as recipients: each with the rules' view and the other person's name. */
export const bothSides = (pair: LivePair) => [
  { recipientId: pair.pmId, viewer: pmNoticeViewer(pair.pmId), other: pair.coachName },
  { recipientId: pair.coachId, viewer: coachNoticeViewer(pair), other: pair.pmName },
];

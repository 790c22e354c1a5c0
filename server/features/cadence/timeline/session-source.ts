import { coachingSessionsOf } from '../coaching-sessions/coaching-session-reading.js';
import { timelineItem } from './merge.js';
import type { TimelineSource } from './sources.js';

/** Coaching sessions held, as the viewer may see them (the sessions feature's own rule-filtered read). */
export const coachingSessions: TimelineSource = async ({ db, viewer }) =>
  (await coachingSessionsOf(db, viewer))
    .filter((s) => s.status === 'held')
    .map((s) =>
      timelineItem({
        id: s.id,
        kind: 'session',
        at: s.ended_at ?? s.starts_at,
        title: `${s.kind === 'weekly' ? 'Weekly' : 'Monthly'} coaching session held`,
        link: `/coaching-sessions/${s.id}`,
      }),
    );

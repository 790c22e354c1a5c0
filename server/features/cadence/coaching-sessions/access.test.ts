import { describe, expect, it } from 'vitest';
import { may } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';

const pm: Viewer = { actorId: 'pat', pmId: 'pat', side: 'pm', coachSince: null };
const cora: Viewer = { actorId: 'cora', pmId: 'pat', side: 'coach', coachSince: '2026-01-01' };
const otherCoach: Viewer = { actorId: 'olga', pmId: 'pat', side: 'coach', coachSince: '2026-01-01' };
const coachingSession = { pm_id: 'pat', coach_id: 'cora' };

describe('the coaching sessions’ named conditions', () => {
  it('let in the PM and the coach it is with, not another coach of the same PM', () => {
    expect(may(pm, 'coaching-session:change', { coachingSession })).toBe(true);
    expect(may(cora, 'coaching-session:change', { coachingSession })).toBe(true);
    expect(may(otherCoach, 'coaching-session:change', { coachingSession })).toBe(false);
    expect(
      may(pm, 'coaching-session:change', { coachingSession: { ...coachingSession, pm_id: 'sam' } }),
    ).toBe(false);
  });

  it('show a private note to its author only, whichever side they are on', () => {
    const pmNote = { author_id: 'pat' };
    const coachNote = { author_id: 'cora' };
    expect(may(pm, 'coaching-session-private-note:see', { privateNote: pmNote })).toBe(true);
    expect(may(pm, 'coaching-session-private-note:see', { privateNote: coachNote })).toBe(false);
    expect(may(cora, 'coaching-session-private-note:see', { privateNote: coachNote })).toBe(true);
    expect(may(cora, 'coaching-session-private-note:see', { privateNote: pmNote })).toBe(false);
  });
});
